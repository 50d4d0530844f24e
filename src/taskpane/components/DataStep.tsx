// Data: the projects table (best match proposed), its column mapping with confidence and overrides,
// and the data issues found; "Insert sample data" when the workbook has no project table.
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
} from '@fluentui/react-components';
import type { Analysis } from '../../engine/score';
import type { Field as MapField, MappingOverride } from '../../engine/read';
import type { TableInfo } from '../../workbook/port';
import { confidenceWord, FIELD_LABELS, PICKABLE_FIELDS } from '../words';
import { useStyles } from './styles';

export interface DataStepProps {
  tables: TableInfo[];
  analysis: Analysis | null;
  /** Why there is no analysis (no project table, unreadable mapping…). */
  problem: string | null;
  chosenTable: string | undefined;
  overrides: Record<string, MappingOverride>;
  onChooseTable: (name: string | undefined) => void;
  onOverride: (header: string, field: MapField | null) => void;
  onInsertSample: () => void;
  busy: boolean;
}

const ISSUES_SHOWN = 25;

export function DataStep(p: DataStepProps) {
  const s = useStyles();
  const a = p.analysis;
  const best = a?.table.name;
  return (
    <section className={s.section} aria-labelledby="data-title">
      <Subtitle2 id="data-title" as="h2">
        Your project data
      </Subtitle2>
      {p.tables.length > 0 && (
        <Field label="Projects table" hint={best ? `Proposed: ${best}` : undefined}>
          <Select
            className={s.fill}
            select={{ className: s.fill }}
            value={p.chosenTable ?? ''}
            onChange={(_, d) => p.onChooseTable(d.value || undefined)}
          >
            <option value="">Best match{best ? ` (${best})` : ''}</option>
            {p.tables.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name} — {t.rowCount} rows
              </option>
            ))}
          </Select>
        </Field>
      )}
      {p.problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{p.problem}</MessageBarBody>
        </MessageBar>
      )}
      {!a && (
        <div className={s.stack}>
          <Body1>
            No project table yet? Insert a sample portfolio (48 projects of a bank, with strategy, budget and
            capacity tables) on new sheets to see how the add-in works. Your sheets are not changed.
          </Body1>
          <Button appearance="primary" onClick={p.onInsertSample} disabled={p.busy}>
            Insert sample data
          </Button>
        </div>
      )}
      {a && (
        <>
          <Body1>
            {a.projects.length} projects in <strong>{a.table.name}</strong> (sheet {a.table.sheet}).
          </Body1>
          <Subtitle2 as="h3">Column mapping</Subtitle2>
          <ul className={s.list} aria-label="Column mapping">
            {a.columns.map((c) => {
              const conf = confidenceWord(c.confidence);
              const overridden = p.overrides[c.header] !== undefined;
              const detail = c.objective ?? c.role ?? (c.period ? periodText(c.period) : undefined);
              return (
                <li key={c.index} className={s.mapRow}>
                  <Field
                    label={c.header || `Column ${c.index + 1}`}
                    hint={detail ? `${FIELD_LABELS[c.field]}: ${detail}` : undefined}
                  >
                    <Select
                      className={s.fill}
                      select={{ className: s.fill }}
                      value={PICKABLE_FIELDS.includes(c.field) ? c.field : ''}
                      onChange={(_, d) => p.onOverride(c.header, (d.value || null) as MapField | null)}
                    >
                      {!PICKABLE_FIELDS.includes(c.field) && (
                        <option value="">{FIELD_LABELS[c.field]}</option>
                      )}
                      {PICKABLE_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {FIELD_LABELS[f]}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {overridden ? (
                    <Badge appearance="tint" color="brand">
                      yours
                    </Badge>
                  ) : c.field === 'extra' ? null : (
                    <Badge appearance="tint" color={conf.color}>
                      {conf.word}
                    </Badge>
                  )}
                </li>
              );
            })}
          </ul>
          <Subtitle2 as="h3">Data issues ({a.issues.length})</Subtitle2>
          {a.issues.length === 0 ? (
            <Body1>None: every cell read as expected.</Body1>
          ) : (
            <ul className={s.list} aria-label="Data issues">
              {a.issues.slice(0, ISSUES_SHOWN).map((i, k) => (
                <li key={k} className={s.issue}>
                  <Caption1>
                    {i.sheet}
                    {i.cell ? `!${i.cell}` : i.row ? ` row ${i.row}` : ''}
                  </Caption1>
                  <Body1>
                    {i.problem} <em>{i.assumption}</em>
                  </Body1>
                </li>
              ))}
              {a.issues.length > ISSUES_SHOWN && (
                <li>
                  <Caption1>
                    …and {a.issues.length - ISSUES_SHOWN} more on the SRO Data Issues sheet after a run.
                  </Caption1>
                </li>
              )}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function periodText(p: NonNullable<Analysis['columns'][number]['period']>): string {
  if (p.kind === 'relative') return `year ${p.index}`;
  return p.quarter ? `${p.year} Q${p.quarter}` : String(p.year);
}
