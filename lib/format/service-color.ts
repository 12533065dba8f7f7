/**
 * Number of service colours. globals.css defines `--svc-0` .. `--svc-{N-1}` for light and
 * dark themes: no reds in it, because red means an error and nothing else.
 */
export const SERVICE_PALETTE_SIZE = 10;

/** FNV-1a over the name's UTF-16 code units: stable across pages, builds and browsers. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Well-known plan names get fixed, distinct slots: a ladder of tiers is the chart a
 * business user reads most, and a hash of only ten slots put premium and enterprise on the
 * same colour. Every other value is hashed.
 */
const KNOWN_SLOTS: Record<string, number> = { free: 9, standard: 8, premium: 4, enterprise: 5 };

/** The palette slot of a value: the same value always gets the same colour. */
export function serviceColorIndex(serviceName: string): number {
  return KNOWN_SLOTS[serviceName] ?? hashString(serviceName) % SERVICE_PALETTE_SIZE;
}

/**
 * A CSS colour for any attribute value (a service is the value of `service.name`),
 * theme-aware through the custom properties. It depends on the value alone, never on
 * which other values are shown, so a value looks the same on every page and chart.
 */
export function valueColor(value: string): string {
  return `var(--svc-${serviceColorIndex(value)})`;
}

export const serviceColor = valueColor;
