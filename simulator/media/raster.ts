/**
 * A tiny RGBA software rasterizer for the simulator's generated images: shapes are signed-distance functions,
 * painted with one-pixel anti-aliasing and source-over blending. Deterministic (pure float math, no platform calls).
 */

/** Straight (non-premultiplied) colour, channels 0..255, alpha 0..1. */
export interface Rgba { r: number; g: number; b: number; a: number }

/** Signed distance (px) from a point to a shape's edge: negative inside. */
export type Sdf = (x: number, y: number) => number;

/** A colour per pixel (for gradients); a plain Rgba paints one colour. */
export type Paint = Rgba | ((x: number, y: number) => Rgba);

/** An RGBA pixel buffer, row-major, 4 bytes per pixel, starting fully transparent. */
export class Raster {
  readonly data: Uint8Array;
  constructor(readonly width: number, readonly height: number) {
    this.data = new Uint8Array(width * height * 4);
  }

  /** Blends `c` over the pixel at (x, y) with extra coverage `cov` (0..1). */
  blend(x: number, y: number, c: Rgba, cov: number): void {
    const a = c.a * cov;
    if (a <= 0) return;
    const i = (y * this.width + x) * 4;
    const d = this.data;
    if (a >= 1) {
      d[i] = Math.round(c.r); d[i + 1] = Math.round(c.g); d[i + 2] = Math.round(c.b); d[i + 3] = 255;
      return;
    }
    if (d[i + 3] === 255) {
      // Opaque destination (backgrounds): plain lerp, no un-premultiply.
      d[i] = Math.round(d[i] + (c.r - d[i]) * a);
      d[i + 1] = Math.round(d[i + 1] + (c.g - d[i + 1]) * a);
      d[i + 2] = Math.round(d[i + 2] + (c.b - d[i + 2]) * a);
      return;
    }
    const da = d[i + 3] / 255;
    const oa = a + da * (1 - a);
    if (oa <= 0) return;
    const k = da * (1 - a);
    d[i] = Math.round((c.r * a + d[i] * k) / oa);
    d[i + 1] = Math.round((c.g * a + d[i + 1] * k) / oa);
    d[i + 2] = Math.round((c.b * a + d[i + 2] * k) / oa);
    d[i + 3] = Math.round(oa * 255);
  }

  /** Fills the pixels inside `sdf` (within the bounding box, default the whole raster) with `paint`, anti-aliased. */
  fill(sdf: Sdf, paint: Paint, box?: { x0: number; y0: number; x1: number; y1: number }): void {
    const x0 = Math.max(0, Math.floor(box?.x0 ?? 0));
    const y0 = Math.max(0, Math.floor(box?.y0 ?? 0));
    const x1 = Math.min(this.width, Math.ceil(box?.x1 ?? this.width));
    const y1 = Math.min(this.height, Math.ceil(box?.y1 ?? this.height));
    const solid = typeof paint === 'function' ? null : paint;
    for (let y = y0; y < y1; y++) {
      const py = y + 0.5;
      for (let x = x0; x < x1; x++) {
        const px = x + 0.5;
        const cov = 0.5 - sdf(px, py);
        if (cov <= 0) continue;
        this.blend(x, y, solid ?? (paint as (x: number, y: number) => Rgba)(px, py), cov >= 1 ? 1 : cov);
      }
    }
  }

  /** Fills the whole raster, opaque, with a linear gradient from c0 at (x0, y0) to c1 at (x1, y1) (fast path for backgrounds). */
  fillLinear(x0: number, y0: number, x1: number, y1: number, c0: Rgba, c1: Rgba): void {
    const dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy || 1;
    const d = this.data;
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        let t = ((x + 0.5 - x0) * dx + (y + 0.5 - y0) * dy) / len2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const i = (y * this.width + x) * 4;
        d[i] = Math.round(c0.r + (c1.r - c0.r) * t);
        d[i + 1] = Math.round(c0.g + (c1.g - c0.g) * t);
        d[i + 2] = Math.round(c0.b + (c1.b - c0.b) * t);
        d[i + 3] = 255;
      }
    }
  }

  /** Paints a soft glow: alpha falls from `c.a` at `r0` to 0 at `r1` around (cx, cy). */
  glow(cx: number, cy: number, r0: number, r1: number, c: Rgba): void {
    const x0 = Math.max(0, Math.floor(cx - r1)), x1 = Math.min(this.width, Math.ceil(cx + r1));
    const y0 = Math.max(0, Math.floor(cy - r1)), y1 = Math.min(this.height, Math.ceil(cy + r1));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const ddx = x + 0.5 - cx, ddy = y + 0.5 - cy;
        const d = Math.sqrt(ddx * ddx + ddy * ddy);
        if (d >= r1) continue;
        const t = d <= r0 ? 1 : 1 - (d - r0) / (r1 - r0);
        this.blend(x, y, c, t * t);
      }
    }
  }
}

/** Bounding box of a circle-ish shape centred at (cx, cy) with radius r (plus a pixel for anti-aliasing). */
export function boxAround(cx: number, cy: number, r: number): { x0: number; y0: number; x1: number; y1: number } {
  return { x0: cx - r - 1, y0: cy - r - 1, x1: cx + r + 1, y1: cy + r + 1 };
}

/** Circle of radius r at (cx, cy). */
export function circle(cx: number, cy: number, r: number): Sdf {
  return (x, y) => {
    const dx = x - cx, dy = y - cy;
    return Math.sqrt(dx * dx + dy * dy) - r;
  };
}

/** Rounded rectangle with corner radius rr. */
export function roundRect(x0: number, y0: number, w: number, h: number, rr: number): Sdf {
  const cx = x0 + w / 2, cy = y0 + h / 2, hx = w / 2 - rr, hy = h / 2 - rr;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx, qy = Math.abs(y - cy) - hy;
    const mx = qx > 0 ? qx : 0, my = qy > 0 ? qy : 0;
    return Math.sqrt(mx * mx + my * my) + Math.min(Math.max(qx, qy), 0) - rr;
  };
}

/** Ring (annulus) of centre radius r and thickness t. */
export function ring(cx: number, cy: number, r: number, t: number): Sdf {
  return (x, y) => {
    const dx = x - cx, dy = y - cy;
    return Math.abs(Math.sqrt(dx * dx + dy * dy) - r) - t / 2;
  };
}

/** Closed polygon (any winding), exact distance. */
export function polygon(pts: ReadonlyArray<readonly [number, number]>): Sdf {
  const n = pts.length;
  return (x, y) => {
    let d = Infinity;
    let inside = false;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [xi, yi] = pts[i], [xj, yj] = pts[j];
      const ex = xj - xi, ey = yj - yi, wx = x - xi, wy = y - yi;
      const t = Math.max(0, Math.min(1, (wx * ex + wy * ey) / (ex * ex + ey * ey)));
      const dx = wx - ex * t, dy = wy - ey * t;
      d = Math.min(d, dx * dx + dy * dy);
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside ? -Math.sqrt(d) : Math.sqrt(d);
  };
}

/** Regular star with `points` tips, outer radius r, inner radius ri, rotated by `rot` radians (0 = tip up). */
export function star(cx: number, cy: number, points: number, r: number, ri: number, rot = 0): Sdf {
  const pts: [number, number][] = [];
  for (let i = 0; i < points * 2; i++) {
    const a = rot - Math.PI / 2 + (i * Math.PI) / points;
    const rr = i % 2 === 0 ? r : ri;
    pts.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr]);
  }
  return polygon(pts);
}

/** Regular polygon with `sides` sides, radius r, rotated by `rot` radians. */
export function regular(cx: number, cy: number, sides: number, r: number, rot = 0): Sdf {
  const pts: [number, number][] = [];
  for (let i = 0; i < sides; i++) {
    const a = rot - Math.PI / 2 + (i * 2 * Math.PI) / sides;
    pts.push([cx + Math.cos(a) * r, cy + Math.sin(a) * r]);
  }
  return polygon(pts);
}

/** Heart about 2s wide centred at (cx, cy): two round lobes over a kite that ends in the tip. */
export function heart(cx: number, cy: number, s: number): Sdf {
  const R = s * 0.55;
  const lobeL = circle(cx - s * 0.48, cy - s * 0.3, R);
  const lobeR = circle(cx + s * 0.48, cy - s * 0.3, R);
  const tip = polygon([[cx - s * 0.95, cy - s * 0.05], [cx, cy + s * 1.0], [cx + s * 0.95, cy - s * 0.05], [cx, cy - s * 0.35]]);
  return union(lobeL, lobeR, tip);
}

/** Union of shapes. */
export function union(...shapes: Sdf[]): Sdf {
  return (x, y) => {
    let d = Infinity;
    for (const s of shapes) d = Math.min(d, s(x, y));
    return d;
  };
}

/** `a` minus `b`. */
export function subtract(a: Sdf, b: Sdf): Sdf {
  return (x, y) => Math.max(a(x, y), -b(x, y));
}

/** Linear gradient paint from `c0` at (x0, y0) to `c1` at (x1, y1). */
export function linear(x0: number, y0: number, x1: number, y1: number, c0: Rgba, c1: Rgba): (x: number, y: number) => Rgba {
  const dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy || 1;
  return (x, y) => mix(c0, c1, Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2)));
}

/** Colour between a and b at t (0..1). */
export function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return { r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t, a: a.a + (b.a - a.a) * t };
}

/** Intersection of shapes. */
export function intersect(...shapes: Sdf[]): Sdf {
  return (x, y) => {
    let d = -Infinity;
    for (const s of shapes) d = Math.max(d, s(x, y));
    return d;
  };
}

/** The outline of a shape, `t` px thick, centred on its edge. */
export function stroke(s: Sdf, t: number): Sdf {
  return (x, y) => Math.abs(s(x, y)) - t / 2;
}
