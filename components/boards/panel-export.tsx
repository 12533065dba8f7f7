"use client";

import { createContext, useCallback, useContext, useEffect, useRef } from "react";

/** A panel's data as CSV rows (the first row is the header), or null while it has none. */
export type CsvRows = () => (string | number | null)[][] | null | undefined;

const ExportContext = createContext<((rows: CsvRows | null) => void) | null>(null);

/** The frame's side: where a panel registers its rows, read when "CSV" is pressed. */
export function useExportSlot() {
  const rows = useRef<CsvRows | null>(null);
  const register = useCallback((r: CsvRows | null) => {
    rows.current = r;
  }, []);
  return { rows, register, Provider: ExportContext.Provider };
}

/** The panel's side: the rows it would export, kept current. */
export function useCsvRows(rows: CsvRows) {
  const register = useContext(ExportContext);
  const latest = useRef(rows);
  useEffect(() => {
    latest.current = rows;
  });
  useEffect(() => {
    if (!register) return;
    register(() => latest.current());
    return () => register(null);
  }, [register]);
}

function download(name: string, blob: Blob) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

const fileName = (title: string, ext: string) => `${title.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase() || "panel"}.${ext}`;

export async function exportCsv(title: string, rows: CsvRows | null) {
  const data = rows?.();
  if (!data) return false;
  const { unparse } = await import("papaparse");
  download(fileName(title, "csv"), new Blob([unparse(data) + "\n"], { type: "text/csv" }));
  return true;
}

/** The panel as drawn, as a PNG at twice the screen's resolution, on the theme's background. */
export async function exportPng(title: string, node: HTMLElement) {
  const { toBlob } = await import("html-to-image");
  const background = getComputedStyle(document.body).backgroundColor;
  const blob = await toBlob(node, { pixelRatio: 2, backgroundColor: background, cacheBust: true });
  if (blob) download(fileName(title, "png"), blob);
}
