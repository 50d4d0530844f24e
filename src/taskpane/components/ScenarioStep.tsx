// Scenario: the budget (the workbook's, one total, or per period), discount rate, the alignment /
// financial split, what the selection maximizes, constraint switches, the alignment gate and the
// maximum number of projects. Blank fields keep the workbook's value.
import { Body1, Field, Label, Select, Slider, Subtitle2, Switch } from '@fluentui/react-components';
import { NumberInput } from './NumberInput';
import type { Analysis } from '../../engine/score';
import type { Settings } from '../../engine/read';
import { formatMoney } from '../../engine/format';
import { useStyles } from './styles';

export interface ScenarioStepProps {
  analysis: Analysis;
  settings: Partial<Settings>;
  onSettings: (settings: Partial<Settings>) => void;
  thorough: boolean;
  onThorough: (on: boolean) => void;
}

type BudgetMode = 'workbook' | 'total' | 'periods';

export function ScenarioStep({ analysis, settings, onSettings, thorough, onThorough }: ScenarioStepProps) {
  const s = useStyles();
  const effective = analysis.settings;
  const mode: BudgetMode = settings.totalBudget != null ? 'total' : settings.budgets ? 'periods' : 'workbook';
  const set = (patch: Partial<Settings>, drop: (keyof Settings)[] = []) => {
    const next: Partial<Settings> = { ...settings, ...patch };
    for (const k of drop) delete next[k];
    onSettings(next);
  };
  const totalRequested = analysis.projects.reduce(
    (t, p) => t + p.project.costs.reduce((a, b) => a + b, 0),
    0,
  );
  const alignment = Math.round(effective.alignmentWeight * 100);

  return (
    <section className={s.section} aria-labelledby="scenario-title">
      <Subtitle2 id="scenario-title" as="h2">
        Scenario
      </Subtitle2>
      <Field label="Budget">
        <Select
          className={s.fill}
          select={{ className: s.fill }}
          value={mode}
          onChange={(_, d) => {
            const m = d.value as BudgetMode;
            if (m === 'workbook') set({}, ['totalBudget', 'budgets']);
            else if (m === 'total') set({ totalBudget: Math.round(totalRequested * 0.7) }, ['budgets']);
            else
              set(
                {
                  budgets: Object.fromEntries(
                    analysis.periods.map((p) => [
                      p,
                      analysis.budgets.find((b) => b.label === p)?.amount ?? 0,
                    ]),
                  ),
                },
                ['totalBudget'],
              );
          }}
        >
          <option value="workbook">From the workbook</option>
          <option value="total">One total for all years</option>
          <option value="periods" disabled={analysis.periods.length === 0}>
            Per period
          </option>
        </Select>
      </Field>
      {mode === 'workbook' && (
        <Body1>
          {analysis.budgets.length
            ? analysis.budgets
                .map((b) => `${b.label}: ${formatMoney(b.amount, analysis.currency)}`)
                .join(' · ')
            : 'No budget table found: only capacity and the other limits bind.'}
        </Body1>
      )}
      {mode === 'total' && (
        <Field
          label="Total budget"
          hint={`All candidates ask for ${formatMoney(totalRequested, analysis.currency)}.`}
        >
          <NumberInput
            contentBefore={analysis.currency}
            value={settings.totalBudget ?? null}
            valid={(n) => n > 0}
            onCommit={(n) => n !== null && set({ totalBudget: n })}
          />
        </Field>
      )}
      {mode === 'periods' &&
        analysis.periods.map((period) => (
          <Field key={period} label={`Budget ${period}`}>
            <NumberInput
              contentBefore={analysis.currency}
              value={settings.budgets?.[period] ?? null}
              valid={(n) => n >= 0}
              onCommit={(n) => n !== null && set({ budgets: { ...settings.budgets, [period]: n } })}
            />
          </Field>
        ))}
      <Field label="Discount rate per year">
        <NumberInput
          contentAfter="%"
          value={Math.round(effective.discountRate * 10000) / 100}
          valid={(n) => n > -100 && n <= 100}
          onCommit={(n) => n !== null && set({ discountRate: n / 100 })}
        />
      </Field>
      <div className={s.stack}>
        <Label htmlFor="split">
          Value score: alignment {alignment}% · financial {100 - alignment}%
        </Label>
        <Slider
          id="split"
          min={0}
          max={100}
          step={5}
          value={alignment}
          onChange={(_, d) => set({ alignmentWeight: d.value / 100 })}
        />
      </div>
      <Field label="The selection maximizes">
        <Select
          className={s.fill}
          select={{ className: s.fill }}
          value={effective.objective}
          onChange={(_, d) => set({ objective: d.value as Settings['objective'] })}
        >
          <option value="value">Value score (alignment and return)</option>
          <option value="riskAdjustedNpv">Risk-adjusted NPV</option>
          <option value="blend">A blend of both</option>
        </Select>
      </Field>
      <Switch
        checked={effective.useCapacity}
        onChange={(_, d) => set({ useCapacity: d.checked })}
        label="Respect role capacity"
      />
      <Switch
        checked={effective.useDependencies}
        onChange={(_, d) => set({ useDependencies: d.checked })}
        label="Respect dependencies"
      />
      <Switch
        checked={effective.useExclusiveGroups}
        onChange={(_, d) => set({ useExclusiveGroups: d.checked })}
        label="At most one per exclusive group"
      />
      <Field
        label="Alignment gate (0–100)"
        hint="Projects below it are not candidates, unless mandatory. Blank: no gate."
      >
        <NumberInput
          value={effective.alignmentGate}
          allowBlank
          valid={(n) => n >= 0 && n <= 100}
          onCommit={(n) => set({ alignmentGate: n })}
        />
      </Field>
      <Field label="Maximum number of projects" hint="Blank: no limit.">
        <NumberInput
          value={effective.maxProjects}
          allowBlank
          valid={(n) => n >= 1 && Number.isInteger(n)}
          onCommit={(n) => set({ maxProjects: n })}
        />
      </Field>
      <Switch
        checked={thorough}
        onChange={(_, d) => onThorough(d.checked)}
        label="Trace the efficient frontier and test the weights (slower)"
      />
    </section>
  );
}
