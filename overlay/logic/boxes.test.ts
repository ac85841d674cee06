import { describe, expect, it } from 'vitest';
import { clipBox, layoutProblems, overlaps, type PartBox } from './boxes.ts';

const box = (part: string, id: string, x: number, y: number, w: number, h: number): PartBox => ({ part, id, x, y, w, h });

describe('layout boxes', () => {
  it('calls boxes that share area overlapping, and boxes that only touch not', () => {
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 9, y: 9, w: 10, h: 10 })).toBe(true);
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBe(false);
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 10, w: 10, h: 10 })).toBe(false);
  });

  it('clips a box to the canvas, and drops one wholly outside', () => {
    expect(clipBox({ x: -5, y: 0, w: 10, h: 10 }, { x: 0, y: 0, w: 100, h: 100 })).toEqual({ x: 0, y: 0, w: 5, h: 10 });
    expect(clipBox({ x: 120, y: 0, w: 10, h: 10 }, { x: 0, y: 0, w: 100, h: 100 })).toBeNull();
  });

  it('names two overlapping chat cards, a card outside its region and a banner over the chat', () => {
    const regions = { chat: { x: 0, y: 0, w: 100, h: 100 }, spotlight: { x: 0, y: 100, w: 100, h: 50 } };
    expect(layoutProblems([box('chat', 'a', 0, 0, 50, 40), box('chat', 'b', 0, 52, 50, 40)], regions)).toEqual([]);
    expect(layoutProblems([box('chat', 'a', 0, 0, 50, 40), box('chat', 'b', 0, 30, 50, 40)], regions)).toEqual(['chat:a (0,0 50x40) overlaps chat:b (0,30 50x40)']);
    expect(layoutProblems([box('chat', 'a', 0, 80, 50, 40)], regions)).toEqual(['chat:a (0,80 50x40) is outside its region (0,0 100x100)']);
    expect(layoutProblems([box('chat', 'a', 0, 60, 50, 40), box('spotlight', 'Follow Alert', 0, 90, 100, 50)], regions)).toEqual([
      'spotlight:Follow Alert (0,90 100x50) is outside its region (0,100 100x50)',
      'chat:a (0,60 50x40) overlaps spotlight:Follow Alert (0,90 100x50)',
    ]);
  });

  it('lets hearts overlap each other, and Toasty\'s face its own label', () => {
    const regions = { hearts: { x: 0, y: 0, w: 100, h: 100 }, toasty: { x: 100, y: 0, w: 100, h: 100 } };
    expect(layoutProblems([box('hearts', '1', 0, 0, 50, 50), box('hearts', '2', 10, 10, 50, 50), box('toasty', 'face', 100, 0, 80, 80), box('toasty', 'label', 120, 20, 50, 20)], regions)).toEqual([]);
  });
});
