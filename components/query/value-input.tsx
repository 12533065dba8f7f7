"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { KIND_VALUES, STATUS_VALUES, type FieldRef } from "@/lib/query-builder/fields";
import { rowLiteral, type RowValue } from "@/lib/query-builder/literals";
import { formatCount } from "@/lib/format/count";
import { valuesQuery, valuesSource } from "./catalog";

interface Props {
  field: FieldRef | null;
  value: RowValue;
  onChange: (value: RowValue, commit: boolean) => void;
  label: string;
}

const CONTROL = "h-7 rounded-md border border-line bg-bg px-2 font-mono text-xs text-fg aria-invalid:border-error";
const CHOICES: Partial<Record<RowValue["type"], readonly string[]>> = { status: STATUS_VALUES, kind: KIND_VALUES, bool: ["true", "false"] };
const PLACEHOLDERS: Partial<Record<RowValue["type"], string>> = { duration: "250ms", int: "500", float: "12.5", string: "value" };

/**
 * The value box, shaped by the field's type: a list for status, kind and booleans; a text box
 * with the catalog's known values for strings; checked numbers and durations otherwise.
 */
export function ValueInput({ field, value, onChange, label }: Props) {
  const listId = useId();
  const choices = CHOICES[value.type];
  const source = field && value.type === "string" ? valuesSource(field) : null;
  const known = useQuery({ ...valuesQuery(source ?? { key: "" }), enabled: !!source });
  if (choices) {
    return (
      <select aria-label={label} className={CONTROL} value={value.text} onChange={(e) => onChange({ ...value, text: e.target.value }, true)}>
        {!choices.includes(value.text) && <option value="">choose…</option>}
        {choices.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
    );
  }
  const check = rowLiteral(value);
  const invalid = value.text.trim() !== "" && !check.ok;
  return (
    <span className="flex min-w-0 flex-1 items-center gap-2">
      <input
        aria-label={label}
        aria-invalid={invalid || undefined}
        title={!check.ok ? check.problem : undefined}
        className={`${CONTROL} min-w-0 flex-1`}
        list={source ? listId : undefined}
        placeholder={PLACEHOLDERS[value.type]}
        inputMode={value.type === "int" || value.type === "float" ? "decimal" : undefined}
        value={value.text}
        onChange={(e) => onChange({ ...value, text: e.target.value }, false)}
        onBlur={() => onChange(value, true)}
        onKeyDown={(e) => {
          if (e.key === "Enter") onChange(value, true);
        }}
      />
      {invalid && !check.ok && <span className="shrink-0 text-xs text-error">{check.problem}</span>}
      {source && (
        <datalist id={listId}>
          {known.data?.values.map((v) => <option key={v.value} value={v.value} label={`${formatCount(v.count)} spans`} />)}
        </datalist>
      )}
    </span>
  );
}
