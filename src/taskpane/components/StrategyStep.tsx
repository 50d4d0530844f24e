// Strategy: the objectives and their weights (from the workbook, or entered here), and a pairwise mode
// that computes AHP weights as you compare objectives two at a time, with the consistency ratio and the
// one judgment to change when CR is above 0.10.
import { useMemo, useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Switch,
} from '@fluentui/react-components';
import { ahp, type Analysis, SAATY_SCALE } from '../../engine/score';
import { WEIGHT_SOURCE_LABELS } from '../words';
import { NumberInput } from './NumberInput';
import { useStyles } from './styles';

export interface StrategyStepProps {
  analysis: Analysis;
  /** Weights entered in the pane (null: the workbook's). */
  weights: Record<string, number> | null;
  onWeights: (weights: Record<string, number> | null) => void;
}

function judgmentText(v: number, a: string, b: string): string {
  if (Math.abs(v - 1) < 1e-9) return `${a} and ${b} matter equally`;
  return v > 1 ? `${a} matters ${Math.round(v)}× more` : `${b} matters ${Math.round(1 / v)}× more`;
}

/** The Saaty judgment closest to a ratio of two weights (in log terms). */
function nearestJudgment(ratio: number): number {
  let best = 1;
  for (const v of SAATY_SCALE)
    if (Math.abs(Math.log(v) - Math.log(ratio)) < Math.abs(Math.log(best) - Math.log(ratio))) best = v;
  return best;
}

const pct = (w: number) => `${(w * 100).toFixed(1)}%`;

export function StrategyStep({ analysis, weights, onWeights }: StrategyStepProps) {
  const s = useStyles();
  const names = analysis.objectives.map((o) => o.name);
  const [pairwise, setPairwise] = useState(false);
  const [matrix, setMatrix] = useState<number[][]>(() =>
    analysis.objectives.map((a) => analysis.objectives.map((b) => nearestJudgment(a.weight / b.weight))),
  );
  const result = useMemo(() => (names.length >= 2 ? ahp(matrix) : null), [matrix, names.length]);
  const setJudgment = (i: number, j: number, v: number) =>
    setMatrix((m) =>
      m.map((row, r) => row.map((x, c) => (r === i && c === j ? v : r === j && c === i ? 1 / v : x))),
    );

  if (names.length === 0)
    return (
      <section className={s.section} aria-labelledby="strategy-title">
        <Subtitle2 id="strategy-title" as="h2">
          Strategy
        </Subtitle2>
        <Body1>
          The projects table has no objective ratings, so alignment cannot be scored. Add a column per
          strategic objective (a rating 1–5 or 0–100) and a weights table.
        </Body1>
      </section>
    );

  return (
    <section className={s.section} aria-labelledby="strategy-title">
      <Subtitle2 id="strategy-title" as="h2">
        Strategic objectives
      </Subtitle2>
      <Body1>Weights are {WEIGHT_SOURCE_LABELS[weights ? 'settings' : analysis.weightSource]}.</Body1>
      {analysis.ahp && (
        <MessageBar intent={analysis.ahp.consistent ? 'success' : 'warning'}>
          <MessageBarBody>
            The workbook's pairwise comparison has a consistency ratio of {analysis.ahp.cr.toFixed(3)}
            {analysis.ahp.consistent ? ' (consistent).' : ' (above 0.10: inconsistent).'}
            {analysis.ahp.fix &&
              ` Changing "${analysis.ahp.names[analysis.ahp.fix.row]} vs ${analysis.ahp.names[analysis.ahp.fix.col]}" from ${fmtJudgment(analysis.ahp.fix.current)} to ${fmtJudgment(analysis.ahp.fix.suggested)} brings it to ${analysis.ahp.fix.crAfter.toFixed(3)}.`}
          </MessageBarBody>
        </MessageBar>
      )}
      <Switch
        checked={pairwise}
        onChange={(_, d) => setPairwise(d.checked)}
        label="Compare objectives in pairs (AHP)"
      />
      {!pairwise && (
        <ul className={s.list} aria-label="Objective weights">
          {analysis.objectives.map((o) => (
            <li key={o.name}>
              <Field label={o.name}>
                <NumberInput
                  contentAfter="%"
                  value={Math.round((weights?.[o.name] ?? o.weight) * 1000) / 10}
                  valid={(n) => n >= 0}
                  onCommit={(n) => {
                    if (n === null) return;
                    const base = Object.fromEntries(
                      analysis.objectives.map((x) => [x.name, weights?.[x.name] ?? x.weight]),
                    );
                    onWeights({ ...base, [o.name]: n / 100 });
                  }}
                />
              </Field>
            </li>
          ))}
        </ul>
      )}
      {pairwise && result && (
        <div className={s.stack}>
          <ul className={s.list} aria-label="Pairwise judgments">
            {names.flatMap((a, i) =>
              names.slice(i + 1).map((b, k) => {
                const j = i + 1 + k;
                const v = matrix[i]![j]!;
                return (
                  <li key={`${a}|${b}`} className={s.pair}>
                    <Field label={`${a} vs ${b}`}>
                      <Select
                        className={s.fill}
                        select={{ className: s.fill }}
                        value={String(SAATY_SCALE.indexOf(nearestJudgment(v)))}
                        onChange={(_, d) => setJudgment(i, j, SAATY_SCALE[Number(d.value)]!)}
                      >
                        {SAATY_SCALE.map((x, n) => (
                          <option key={n} value={n}>
                            {judgmentText(x, a, b)}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  </li>
                );
              }),
            )}
          </ul>
          <div className={s.row}>
            <Badge appearance="filled" color={result.consistent ? 'success' : 'danger'}>
              CR {result.cr.toFixed(3)}
            </Badge>
            <Caption1>
              {result.consistent ? 'Consistent (CR ≤ 0.10).' : 'Inconsistent: revisit the judgment below.'}
            </Caption1>
          </div>
          {result.fix && (
            <MessageBar intent="warning">
              <MessageBarBody>
                Change "{names[result.fix.row]} vs {names[result.fix.col]}" to "
                {judgmentText(result.fix.suggested, names[result.fix.row]!, names[result.fix.col]!)}": CR
                becomes {result.fix.crAfter.toFixed(3)}.
              </MessageBarBody>
            </MessageBar>
          )}
          <ul className={s.list} aria-label="AHP weights">
            {names.map((n, i) => (
              <li key={n}>
                <Body1>
                  {n}: <strong>{pct(result.weights[i]!)}</strong>
                </Body1>
              </li>
            ))}
          </ul>
          <Button
            appearance="primary"
            onClick={() => onWeights(Object.fromEntries(names.map((n, i) => [n, result.weights[i]!])))}
          >
            Use these weights
          </Button>
        </div>
      )}
      {weights && <Button onClick={() => onWeights(null)}>Use the workbook's weights</Button>}
    </section>
  );
}

function fmtJudgment(v: number): string {
  return v >= 1 ? String(Math.round(v)) : `1/${Math.round(1 / v)}`;
}
