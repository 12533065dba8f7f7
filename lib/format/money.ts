/** `$129.99` for an amount with a known ISO 4217 currency; null when the code is not one. */
export function formatMoney(amount: number, currency: string): string | null {
  if (!Number.isFinite(amount) || !/^[A-Za-z]{3}$/.test(currency)) return null;
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount);
  } catch {
    return null;
  }
}

const MONEY_KEY = /(revenue|amount|price|cost|total|value|spend|refund)/i;

/**
 * The currency of a numeric attribute, when the span says it: a `currency` attribute
 * in the same namespace (`business.currency` for `business.revenue_impact`) or at the top.
 */
export function currencyFor(key: string, attributes: Record<string, unknown>): string | null {
  const leaf = key.slice(key.lastIndexOf(".") + 1);
  if (!MONEY_KEY.test(leaf)) return null;
  const ns = key.includes(".") ? key.slice(0, key.lastIndexOf(".") + 1) : "";
  for (const candidate of [`${ns}currency`, `${ns}currency_code`, "currency"]) {
    const v = attributes[candidate];
    if (typeof v === "string" && /^[A-Za-z]{3}$/.test(v)) return v.toUpperCase();
  }
  return null;
}
