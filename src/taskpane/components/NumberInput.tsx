// A number field that lets the user type freely: the text is kept as typed, a valid number is committed
// as soon as there is one, blank commits "none" when allowed, and leaving the field shows the value in
// force again (so "7." or "-" mid-typing is never thrown away, and a field never snaps back while typed in).
import { useEffect, useState } from 'react';
import { Input, type InputProps } from '@fluentui/react-components';

export interface NumberInputProps extends Omit<InputProps, 'value' | 'onChange' | 'type'> {
  /** The value in force, as shown when the field is not being edited. */
  value: number | null;
  /** Called with a valid number, or null when the field is blank and `allowBlank`. */
  onCommit: (value: number | null) => void;
  /** A typed number outside the allowed range is not committed. */
  valid?: (n: number) => boolean;
  allowBlank?: boolean;
}

/** A typed number: "1,200,000", "$3.5", "12" (separators and currency signs ignored); null if it is none. */
export function parseTyped(text: string): number | null {
  const t = text.replace(/[\s,$€£]/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function NumberInput({ value, onCommit, valid, allowBlank, ...rest }: NumberInputProps) {
  const shown = value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setText(shown);
  }, [shown, editing]);
  return (
    <Input
      {...rest}
      inputMode="decimal"
      value={text}
      onFocus={() => setEditing(true)}
      onBlur={() => {
        setEditing(false);
        setText(shown);
      }}
      onChange={(_, d) => {
        setText(d.value);
        if (!d.value.trim()) {
          if (allowBlank) onCommit(null);
          return;
        }
        const n = parseTyped(d.value);
        if (n !== null && (!valid || valid(n))) onCommit(n);
      }}
    />
  );
}
