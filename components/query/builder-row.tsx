"use client";

import { OP_LABELS, operatorsFor, type BuilderOp, type BuilderRow } from "@/lib/query-builder/builder";
import { parseFieldText, type ValueType } from "@/lib/query-builder/fields";
import { ValueInput } from "./value-input";

interface Props {
  row: BuilderRow;
  index: number;
  fieldsListId: string;
  typeOf: (field: string) => ValueType;
  onChange: (row: BuilderRow, commit: boolean) => void;
  onRemove: () => void;
}

const CONTROL = "h-7 rounded-md border border-line bg-bg px-2 font-mono text-xs text-fg";

/** One condition: key, operator, value. Changing the key re-types the value and keeps what still fits. */
export function BuilderRowEditor({ row, index, fieldsListId, typeOf, onChange, onRemove }: Props) {
  const field = parseFieldText(row.field);
  const type = field ? typeOf(row.field) : row.value.type === "nil" ? "string" : row.value.type;
  const ops = operatorsFor(type);
  const presence = row.op === "exists" || row.op === "missing";

  const setField = (text: string, commit: boolean) => {
    const next = parseFieldText(text) ? typeOf(text) : type;
    const value = next === row.value.type ? row.value : { type: next, text: "" };
    onChange({ field: text, op: operatorsFor(next).includes(row.op) ? row.op : "=", value }, commit);
  };

  return (
    <li className="flex items-center gap-2" data-testid="builder-row">
      <input
        aria-label={`Condition ${index + 1} key`}
        className={`${CONTROL} w-64`}
        list={fieldsListId}
        placeholder="span.customer.tier"
        spellCheck={false}
        value={row.field}
        aria-invalid={row.field.trim() !== "" && !field ? true : undefined}
        title={row.field.trim() !== "" && !field ? "Start with span., resource., event., . or an intrinsic such as duration" : undefined}
        onChange={(e) => setField(e.target.value, false)}
        onBlur={() => setField(row.field, true)}
      />
      <select
        aria-label={`Condition ${index + 1} operator`}
        className={CONTROL}
        value={row.op}
        onChange={(e) => {
          const op = e.target.value as BuilderOp;
          const value = op === "exists" || op === "missing" ? { type: "nil" as const, text: "" } : row.value.type === "nil" ? { type, text: "" } : row.value;
          onChange({ ...row, op, value }, true);
        }}
      >
        {ops.map((o) => <option key={o} value={o}>{OP_LABELS[o]}</option>)}
      </select>
      {presence ? (
        <span className="flex-1" />
      ) : (
        <ValueInput field={field} value={row.value} label={`Condition ${index + 1} value`} onChange={(value, commit) => onChange({ ...row, value }, commit)} />
      )}
      <button
        type="button"
        aria-label={`Remove condition ${index + 1}`}
        onClick={onRemove}
        className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-hover hover:text-fg"
      >
        ×
      </button>
    </li>
  );
}
