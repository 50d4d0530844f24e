// Run: what will be written, the Run button, progress by stage while it works, and Cancel (the solves
// run in a Web Worker, so the pane stays responsive and cancelling is immediate).
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
} from '@fluentui/react-components';
import type { PipelineProgress } from '../../pipeline/run';
import { useStyles } from './styles';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface RunStepProps {
  status: RunStatus;
  progress: PipelineProgress | null;
  message: string | null;
  projects: number;
  canRun: boolean;
  onRun: () => void;
  onCancel: () => void;
}

export function RunStep({ status, progress, message, projects, canRun, onRun, onCancel }: RunStepProps) {
  const s = useStyles();
  const running = status === 'running';
  return (
    <section className={s.section} aria-labelledby="run-title">
      <Subtitle2 id="run-title" as="h2">
        Run
      </Subtitle2>
      <Body1>
        Scores {projects} projects, selects the best portfolio under your budget and limits, and writes the
        SRO Summary, Ranking, Recommendations, Frontier, Data Issues and Settings sheets. Your own sheets are
        not changed; sheets from an earlier run are replaced.
      </Body1>
      <div className={s.row}>
        <Button appearance="primary" onClick={onRun} disabled={!canRun || running}>
          {status === 'done' ? 'Run again' : 'Run'}
        </Button>
        <Button onClick={onCancel} disabled={!running}>
          Cancel
        </Button>
      </div>
      {running && progress && (
        <Field
          label={progress.label}
          validationState="none"
          validationMessage={progress.detail ? `(${progress.detail})` : undefined}
        >
          <ProgressBar value={progress.fraction} max={1} aria-label={`Progress: ${progress.label}`} />
        </Field>
      )}
      <div aria-live="polite">
        {status === 'done' && <Caption1>Done. The results are in the workbook; see Results.</Caption1>}
        {message && status !== 'running' && (
          <MessageBar intent={status === 'cancelled' ? 'info' : 'error'}>
            <MessageBarBody>{message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
