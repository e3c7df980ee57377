import { bottom, midX, midY, right, type Bounds, type Point } from './geometry.js';

/** How far a loop-back route clears the shapes it goes around. */
const CLEARANCE = 30;

/**
 * Waypoints of a sequence flow drawn with horizontal and vertical segments only, from the source's
 * right middle (bottom middle when the target is not to its right) to the target's left middle.
 */
export function orthogonalRoute(source: Bounds, target: Bounds): Point[] {
  const targetIn = { x: target.x, y: midY(target) };
  if (target.x >= right(source)) {
    const out = { x: right(source), y: midY(source) };
    if (out.y === targetIn.y) return [out, targetIn];
    const turnX = (out.x + targetIn.x) / 2;
    return [out, { x: turnX, y: out.y }, { x: turnX, y: targetIn.y }, targetIn];
  }
  const down = { x: midX(source), y: bottom(source) };
  if (target.x > down.x && targetIn.y > down.y) {
    // Below and a little to the right: an L down then right.
    return [down, { x: down.x, y: targetIn.y }, targetIn];
  }
  // Otherwise go round underneath both shapes and come in from the target's left.
  const underY = Math.max(bottom(source), bottom(target)) + CLEARANCE;
  const approachX = target.x - CLEARANCE;
  return [down, { x: down.x, y: underY }, { x: approachX, y: underY }, { x: approachX, y: targetIn.y }, targetIn];
}
