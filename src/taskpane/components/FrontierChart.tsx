// A small efficient frontier: optimal value against budget, with the current and the recommended
// portfolio marked. Plain SVG (no chart library in the pane's first download).
import type { Frontier } from '../../engine/select';
import { formatMoney } from '../../engine/format';
import { useStyles } from './styles';
import { maxOf, minOf } from '../../engine/extremes';

const W = 300;
const H = 170;
const PAD = { left: 8, right: 8, top: 10, bottom: 24 };

export function FrontierChart({ frontier, currency }: { frontier: Frontier; currency: string }) {
  const s = useStyles();
  const pts = frontier.points.filter((p) => p.status !== 'infeasible');
  if (pts.length < 2) return null;
  const current = frontier.current;
  const xs = [...pts.map((p) => p.budget), ...(current ? [current.cost] : [])];
  const ys = [...pts.map((p) => p.value), ...(current ? [current.value] : [])];
  const [x0, x1] = [minOf(xs), maxOf(xs)];
  const [y0, y1] = [0, maxOf(ys) || 1];
  const x = (v: number) => PAD.left + ((v - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - ((v - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const path = pts
    .map((p, i) => `${i ? 'L' : 'M'}${x(p.budget).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  const user = frontier.user;
  const label = `Efficient frontier: optimal value from ${formatMoney(x0, currency)} to ${formatMoney(x1, currency)} of budget; recommended portfolio at ${formatMoney(user.budget, currency)}${current ? `, current portfolio at ${formatMoney(current.cost, currency)}` : ''}.`;
  return (
    <figure style={{ margin: 0 }}>
      <svg className={s.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line
          x1={PAD.left}
          y1={H - PAD.bottom}
          x2={W - PAD.right}
          y2={H - PAD.bottom}
          stroke="currentColor"
          strokeOpacity={0.4}
        />
        <path d={path} fill="none" stroke="currentColor" strokeWidth={2} />
        <circle cx={x(user.budget)} cy={y(user.value)} r={5} fill="#107C10" />
        {current && (
          <rect x={x(current.cost) - 4} y={y(current.value) - 4} width={8} height={8} fill="#C50F1F" />
        )}
        <text x={PAD.left} y={H - 6} fontSize={10} fill="currentColor">
          {formatMoney(x0, currency)}
        </text>
        <text x={W - PAD.right} y={H - 6} fontSize={10} fill="currentColor" textAnchor="end">
          {formatMoney(x1, currency)}
        </text>
      </svg>
      <figcaption>
        <span style={{ color: '#107C10' }}>●</span> recommended{' '}
        {current && (
          <>
            <span style={{ color: '#C50F1F' }}>■</span> current
          </>
        )}
      </figcaption>
    </figure>
  );
}
