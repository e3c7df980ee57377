export interface Point {
  x: number;
  y: number;
}

export interface Bounds extends Point {
  width: number;
  height: number;
}

export const right = (b: Bounds) => b.x + b.width;
export const bottom = (b: Bounds) => b.y + b.height;
export const midX = (b: Bounds) => b.x + b.width / 2;
export const midY = (b: Bounds) => b.y + b.height / 2;

export const overlap = (a: Bounds, b: Bounds): boolean =>
  a.x < right(b) && b.x < right(a) && a.y < bottom(b) && b.y < bottom(a);

/** Vertical extents intersect: the two shapes sit in the same row. */
export const sameRow = (a: Bounds, b: Bounds): boolean => a.y < bottom(b) && b.y < bottom(a);
