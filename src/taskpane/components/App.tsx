// The task pane: Data → Strategy → Scenario → Run → Results. Each user action (load, insert sample,
// run, open a sheet) is caught once, here, and shown in words; choices are kept in the workbook.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { analyzeWorkbook, type Analysis } from '../../engine/score';
import type { RawTable } from '../../engine/model';
import { InputError } from '../../engine/errors';
import { runPipeline, type PipelineProgress, type PipelineRun } from '../../pipeline/run';
import { outline, readAllTables } from '../../workbook/port';
import type { SheetKey } from '../../report/model';
import type { AddinHost } from '../host';
import { choicesNotSaved, describeError } from '../errors';
import { analyzeOptions, NO_CHOICES, STEPS, type PaneChoices, type Step } from '../state';
import { DataStep } from './DataStep';
import { StrategyStep } from './StrategyStep';
import { ScenarioStep } from './ScenarioStep';
import { RunStep, type RunStatus } from './RunStep';
import { ResultsStep } from './ResultsStep';
import { useStyles } from './styles';

interface RunState {
  status: RunStatus;
  progress: PipelineProgress | null;
  message: string | null;
  result: PipelineRun | null;
}

const IDLE: RunState = { status: 'idle', progress: null, message: null, result: null };

export function App({ host }: { host: AddinHost }) {
  const s = useStyles();
  const [step, setStep] = useState<Step>('data');
  const [choices, setChoices] = useState<PaneChoices>(() => host.store.load() ?? NO_CHOICES);
  const [tables, setTables] = useState<RawTable[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [run, setRun] = useState<RunState>(IDLE);
  const abort = useRef<AbortController | null>(null);

  /** One user action: runs it, shows what went wrong in words. */
  const act = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setNotice(describeError(e));
    } finally {
      setBusy(false);
    }
  }, []);

  const load = useCallback(
    () =>
      act(async () => {
        host.gateway.refresh();
        setTables(await readAllTables(host.gateway));
      }),
    [act, host],
  );

  useEffect(() => {
    void load();
  }, [load]);

  // Choices are saved in the workbook half a second after the last change (not on opening, not per
  // keystroke); a failed save is said once, and the pane goes on working.
  const loaded = useRef(choices);
  const saveFailed = useRef(false);
  useEffect(() => {
    if (choices === loaded.current) return;
    const timer = setTimeout(() => {
      host.store.save(choices).catch((e: unknown) => {
        if (saveFailed.current) return;
        saveFailed.current = true;
        setNotice(choicesNotSaved(e));
      });
    }, 500);
    return () => clearTimeout(timer);
  }, [choices, host]);

  const analyzed = useMemo((): { analysis: Analysis | null; problem: string | null } => {
    if (!tables) return { analysis: null, problem: null };
    try {
      return { analysis: analyzeWorkbook(tables, analyzeOptions(choices)), problem: null };
    } catch (e) {
      return { analysis: null, problem: e instanceof InputError ? e.message : describeError(e) };
    }
  }, [tables, choices]);
  const analysis = analyzed.analysis;

  const insertSample = () =>
    act(async () => {
      await host.gateway.insertTables(await host.sampleTables());
      setChoices(NO_CHOICES);
      setTables(await readAllTables(host.gateway));
    });

  const running = run.status === 'running';

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setRun({
      ...IDLE,
      status: 'running',
      progress: { stage: 'read', label: 'Reading the workbook', fraction: 0 },
    });
    try {
      host.gateway.refresh();
      const result = await runPipeline(host.gateway, {
        ...analyzeOptions(choices),
        ...(choices.thorough ? {} : { skip: { frontier: true, sensitivity: true } }),
        signal: controller.signal,
        decide: host.decide,
        onProgress: (progress) => setRun((r) => ({ ...r, progress })),
      });
      setRun({ ...IDLE, status: 'done', result });
      setTables(result.tables);
      setStep('results');
    } catch (e) {
      setRun({
        ...IDLE,
        status: controller.signal.aborted ? 'cancelled' : 'failed',
        message: describeError(e),
      });
    } finally {
      abort.current = null;
    }
  };

  const openSheet = (key: SheetKey) =>
    act(async () => {
      const name = run.result?.written[key];
      if (name) await host.gateway.activate(name);
    });

  const update = (patch: Partial<PaneChoices>) => setChoices((c) => ({ ...c, ...patch }));
  const available = (k: Step) => k === 'data' || k === 'run' || (k === 'results' ? !!run.result : !!analysis);
  const index = STEPS.findIndex((x) => x.key === step);
  const next = STEPS.slice(index + 1).find((x) => available(x.key));

  return (
    <FluentProvider theme={host.theme === 'dark' ? webDarkTheme : webLightTheme} className={s.root}>
      <header className={s.header}>
        <Title3 as="h1">SRO Portfolio</Title3>
      </header>
      <nav className={s.tabs} aria-label="Steps">
        <TabList size="small" selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)}>
          {STEPS.map((x) => (
            <Tab key={x.key} value={x.key} disabled={!available(x.key)}>
              {x.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={s.main}>
        {notice && (
          <MessageBar intent="error" style={{ marginBottom: 12 }}>
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {!tables && !notice && <Spinner label="Reading the workbook…" />}
        {tables && step === 'data' && (
          <DataStep
            tables={tables.map(outline)}
            analysis={analysis}
            problem={analyzed.problem}
            chosenTable={choices.table}
            overrides={choices.overrides}
            onChooseTable={(table) => update({ table, overrides: {} })}
            onOverride={(header, field) => {
              const overrides = { ...choices.overrides };
              if (field) overrides[header] = { field };
              else delete overrides[header];
              update({ overrides });
            }}
            onInsertSample={() => void insertSample()}
            busy={busy || running}
          />
        )}
        {analysis && step === 'strategy' && (
          <StrategyStep
            analysis={analysis}
            weights={choices.settings.objectiveWeights ?? null}
            onWeights={(objectiveWeights) => {
              const settings = { ...choices.settings };
              if (objectiveWeights) settings.objectiveWeights = objectiveWeights;
              else delete settings.objectiveWeights;
              update({ settings });
            }}
          />
        )}
        {analysis && step === 'scenario' && (
          <ScenarioStep
            analysis={analysis}
            settings={choices.settings}
            onSettings={(settings) => update({ settings })}
            thorough={choices.thorough}
            onThorough={(thorough) => update({ thorough })}
          />
        )}
        {step === 'run' && (
          <RunStep
            status={run.status}
            progress={run.progress}
            message={run.message ?? (analysis ? null : analyzed.problem)}
            projects={analysis?.projects.length ?? 0}
            canRun={!!analysis && !busy}
            onRun={() => void start()}
            onCancel={() => abort.current?.abort()}
          />
        )}
        {step === 'results' && run.result && (
          <ResultsStep run={run.result} busy={busy || running} onOpenSheet={(key) => void openSheet(key)} />
        )}
      </main>
      {next && step !== 'run' && (
        <footer className={s.footer}>
          <span />
          <Button appearance="primary" onClick={() => setStep(next.key)}>
            Next: {next.label}
          </Button>
        </footer>
      )}
    </FluentProvider>
  );
}
