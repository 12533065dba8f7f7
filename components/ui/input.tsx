import type { InputHTMLAttributes } from "react";

export function Input({ className = "", ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      className={`h-7 rounded-md border border-line bg-bg px-2 text-[13px] text-fg placeholder:text-faint aria-invalid:border-error ${className}`}
      {...props}
    />
  );
}
