/** An axis-aligned box in game pixels: top-left corner, width and height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A box the overlay draws, named by the part of the layout it belongs to (`chat`, `gifts`...) and an id within it. */
export interface PartBox extends Box {
  part: string;
  id: string;
}

/** Slack (px) for the float error of eased positions: boxes closer than this are not called overlapping. */
export const EPS = 0.01;

/** Whether a and b share area (touching edges do not). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
}

/** Whether `inner` lies inside `outer`. */
export function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - EPS && inner.y >= outer.y - EPS && inner.x + inner.w <= outer.x + outer.w + EPS && inner.y + inner.h <= outer.y + outer.h + EPS;
}

/** The part of `b` inside `clip`, or null when nothing is. */
export function clipBox(b: Box, clip: Box): Box | null {
  const x0 = Math.max(b.x, clip.x);
  const y0 = Math.max(b.y, clip.y);
  const x1 = Math.min(b.x + b.w, clip.x + clip.w);
  const y1 = Math.min(b.y + b.h, clip.y + clip.h);
  return x1 - x0 > EPS && y1 - y0 > EPS ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

/** Parts whose boxes may overlap each other (a flight of hearts; Toasty's face and its label). */
const SELF_OVERLAP_OK = new Set(['hearts', 'toasty']);

const name = (b: PartBox): string => `${b.part}:${b.id} (${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.w)}x${Math.round(b.h)})`;

/**
 * What is wrong with a frame's boxes: a box outside its part's region, or two boxes that overlap (any two of
 * different parts; two of one part unless that part's pieces may overlap). Empty when the layout holds.
 * @example layoutProblems([{ part: 'chat', id: 'a', x: 0, y: 0, w: 10, h: 10 }], { chat: { x: 0, y: 0, w: 5, h: 5 } })
 */
export function layoutProblems(boxes: readonly PartBox[], regions: Readonly<Record<string, Box>>): string[] {
  const out: string[] = [];
  for (const b of boxes) {
    const r = regions[b.part];
    if (!r) out.push(`${name(b)} has no region`);
    else if (!inside(b, r)) out.push(`${name(b)} is outside its region (${r.x},${r.y} ${r.w}x${r.h})`);
  }
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j]!;
      if (a.part === b.part && SELF_OVERLAP_OK.has(a.part)) continue;
      if (overlaps(a, b)) out.push(`${name(a)} overlaps ${name(b)}`);
    }
  }
  return out;
}
