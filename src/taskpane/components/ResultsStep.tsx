// Results: the figures an executive asks for first, the top projects with their recommendation, a small
// efficient frontier, and buttons that open the sheets the run wrote.
import { Badge, Body1, Button, Caption1, mergeClasses, Subtitle2 } from '@fluentui/react-components';
import type { PipelineRun } from '../../pipeline/run';
import { formatMoney, formatPercent } from '../../engine/format';
import type { RecommendationType } from '../../engine/decide';
import { RECOMMENDATION_LABEL } from '../../report/palette';
import type { SheetKey } from '../../report/model';
import { FrontierChart } from './FrontierChart';
import { useStyles } from './styles';

const BADGE: Record<RecommendationType, 'danger' | 'warning' | 'success' | 'brand' | 'informative'> = {
  stop: 'danger',
  merge: 'warning',
  rescope: 'warning',
  defer: 'informative',
  needsData: 'warning',
  accelerate: 'success',
  continue: 'brand',
  closed: 'informative',
};

const TOP = 10;

export interface ResultsStepProps {
  run: PipelineRun;
  /** Another action is under way: the sheet buttons wait. */
  busy: boolean;
  onOpenSheet: (key: SheetKey) => void;
}

export function ResultsStep({ run, busy, onOpenSheet }: ResultsStepProps) {
  const s = useStyles();
  const { analysis, results, written } = run;
  const r = results.rationalization;
  const money = (x: number) => formatMoney(x, analysis.currency);
  const recs = new Map(r?.recommendations.map((x) => [x.id, x]) ?? []);
  const f = r?.figures;
  const current = results.frontier?.current;
  const kpis: [string, string][] = f
    ? [
        ['Projects', `${f.projectsBefore} → ${f.projectsAfter}`],
        ['Budget recommended', money(f.budgetRecommended)],
        ['Budget freed', money(f.budgetFreed)],
        ['Value kept', formatPercent(f.valueKept)],
        // Only a gain is a headline; the sentences below say what the comparison found either way.
        ...(current?.sameSpend && current.sameSpend.gain > 0
          ? ([['More value, same spend', `+${formatPercent(current.sameSpend.gain)}`]] as [string, string][])
          : []),
      ]
    : [];
  return (
    <section className={s.section} aria-labelledby="results-title">
      <Subtitle2 id="results-title" as="h2">
        Results
      </Subtitle2>
      {kpis.length > 0 && (
        <ul className={mergeClasses(s.list, s.kpis)} aria-label="Key figures">
          {kpis.map(([label, value]) => (
            <li key={label} className={s.kpi}>
              <span className={s.kpiValue}>{value}</span>
              <Caption1>{label}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {current?.sentences.map((t) => (
        <Body1 key={t}>{t}</Body1>
      ))}
      {results.frontier && <FrontierChart frontier={results.frontier} currency={analysis.currency} />}
      <Subtitle2 as="h3">Top projects</Subtitle2>
      <ol className={s.list} aria-label="Top projects">
        {analysis.projects.slice(0, TOP).map((p) => {
          const rec = recs.get(p.project.id);
          return (
            <li key={p.project.id} className={s.project}>
              <Body1>
                {p.rank}. {p.project.name} <Caption1>({p.valueScore.toFixed(1)})</Caption1>
              </Body1>
              {rec && (
                <Badge appearance="tint" color={BADGE[rec.type]}>
                  {RECOMMENDATION_LABEL[rec.type]}
                </Badge>
              )}
            </li>
          );
        })}
      </ol>
      <div className={s.row}>
        {(['summary', 'ranking', 'recommendations'] as const).map((key) =>
          written[key] ? (
            <Button
              key={key}
              appearance={key === 'summary' ? 'primary' : 'secondary'}
              disabled={busy}
              onClick={() => onOpenSheet(key)}
            >
              Open {written[key]}
            </Button>
          ) : null,
        )}
      </div>
    </section>
  );
}
