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
import { useState } from 'react';
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
          <ReadNotices analysis={a} />
          <Subtitle2 as="h3">Column mapping</Subtitle2>
          <ColumnMapping analysis={a} overrides={p.overrides} onOverride={p.onOverride} />
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
                    {i.count ? ` · ${i.count} cells` : ''}
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

/** What the read found that changes how to read the results: transposed, missing inputs, unknown figures. */
function ReadNotices({ analysis: a }: { analysis: Analysis }) {
  const r = a.reading;
  const by = Object.entries(r.costUnknownBy)
    .map(([k, n]) => `${n} ${WHY_WORD[k] ?? k}`)
    .join(', ');
  return (
    <>
      {a.readFirst.map((t) => (
        <MessageBar key={t} intent={/transposed/.test(t) ? 'info' : 'warning'}>
          <MessageBarBody>{t}</MessageBarBody>
        </MessageBar>
      ))}
      {(r.costUnknown > 0 || r.benefitUnknown > 0 || r.withheldCells > 0) && (
        <Body1>
          Unknown figures: cost of {r.costUnknown} project{r.costUnknown === 1 ? '' : 's'}
          {by ? ` (${by})` : ''}; benefit of {r.benefitUnknown}. {r.withheldCells} cells withheld under an FOI
          exemption, {r.notAvailableCells} marked not available.
        </Body1>
      )}
    </>
  );
}

const WHY_WORD: Record<string, string> = {
  withheld: 'withheld',
  notAvailable: 'not available',
  blank: 'blank',
  unreadable: 'not a number',
  notQuantified: 'not quantified',
};

interface MappingProps {
  analysis: Analysis;
  overrides: Record<string, MappingOverride>;
  onOverride: (header: string, field: MapField | null) => void;
}

type Col = Analysis['columns'][number];

/** A column the pane is sure of: mapped with high confidence, not overridden, not vetoed. */
function isSure(c: Col, overridden: boolean): boolean {
  return !overridden && c.field !== 'extra' && c.confidence >= 0.9;
}

/**
 * The mapping, compactly: the columns to look at first (vetoed, uncertain, yours), each with its reason
 * and a picker; the sure ones and the carried-through ones folded into a line each, opened on demand.
 */
function ColumnMapping({ analysis: a, overrides, onOverride }: MappingProps) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const yours = (c: Col) => overrides[c.header] !== undefined;
  const review = a.columns.filter(
    (c) => c.vetoed || (!isSure(c, yours(c)) && (c.field !== 'extra' || yours(c))),
  );
  const sure = a.columns.filter((c) => isSure(c, yours(c)));
  const carried = a.columns.filter((c) => !review.includes(c) && !sure.includes(c));
  const row = (c: Col) => <MappingRow key={c.index} c={c} yours={yours(c)} onOverride={onOverride} />;
  return (
    <>
      {review.length > 0 && (
        <ul className={s.list} aria-label="Columns to check">
          {review.map(row)}
        </ul>
      )}
      <Body1>
        Sure of {sure.length} column{sure.length === 1 ? '' : 's'}:{' '}
        {sure.map((c) => `${c.header} → ${FIELD_LABELS[c.field]}`).join('; ') || 'none'}.
        {carried.length > 0 && ` ${carried.length} more carried through as they are.`}
      </Body1>
      <Button appearance="subtle" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? 'Hide the other columns' : 'Change the other columns'}
      </Button>
      {open && (
        <ul className={s.list} aria-label="Column mapping">
          {[...sure, ...carried].map(row)}
        </ul>
      )}
    </>
  );
}

function MappingRow({
  c,
  yours,
  onOverride,
}: {
  c: Col;
  yours: boolean;
  onOverride: MappingProps['onOverride'];
}) {
  const s = useStyles();
  const conf = confidenceWord(c.confidence);
  const detail = c.objective ?? c.role ?? c.source ?? (c.period ? periodText(c.period) : undefined);
  const why = c.vetoed ? `Not ${FIELD_LABELS[c.vetoed.field]}: ${c.vetoed.reason}.` : c.reason;
  const hint = [detail ? `${FIELD_LABELS[c.field]}: ${detail}` : '', why ?? ''].filter(Boolean).join(' · ');
  return (
    <li className={s.mapRow}>
      <Field label={c.header || `Column ${c.index + 1}`} hint={hint || undefined}>
        <Select
          className={s.fill}
          select={{ className: s.fill }}
          value={PICKABLE_FIELDS.includes(c.field) ? c.field : ''}
          onChange={(_, d) => onOverride(c.header, (d.value || null) as MapField | null)}
        >
          {!PICKABLE_FIELDS.includes(c.field) && <option value="">{FIELD_LABELS[c.field]}</option>}
          {PICKABLE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {FIELD_LABELS[f]}
            </option>
          ))}
        </Select>
      </Field>
      {yours ? (
        <Badge appearance="tint" color="brand">
          yours
        </Badge>
      ) : c.vetoed ? (
        <Badge appearance="tint" color="danger">
          ruled out
        </Badge>
      ) : c.field === 'extra' ? null : (
        <Badge appearance="tint" color={conf.color}>
          {conf.word}
        </Badge>
      )}
    </li>
  );
}

function periodText(p: NonNullable<Analysis['columns'][number]['period']>): string {
  if (p.kind === 'relative') return `year ${p.index}`;
  return p.quarter ? `${p.year} Q${p.quarter}` : String(p.year);
}
