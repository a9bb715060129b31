// Statistics and number formatting for the benchmark's table and report.
export const KB = 1000;

export function quantile(values, q) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
export const median = (values) => quantile(values, 0.5);
export function spread(values) {
  const finite = values.filter(Number.isFinite);
  return {
    median: median(finite),
    q1: quantile(finite, 0.25),
    q3: quantile(finite, 0.75),
    min: Math.min(...finite),
    max: Math.max(...finite),
    n: finite.length,
  };
}
export const ms = (v) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : 'NaN');
export const kb = (bytes) => (Number.isFinite(bytes) ? (bytes / KB).toFixed(1) : 'NaN');
export const mb = (bytes) => (Number.isFinite(bytes) ? (bytes / 1e6).toFixed(2) : 'NaN');
export function mostCommon(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
