import type { BoardInput } from "../../lib/boards/types";

const stage = (s: string) => `{ span.funnel.stage = "${s}" }`;

/**
 * "Business overview": what the demo data says at a glance. Revenue and its change up top,
 * then who pays and how fast they are served, where shoppers drop out, which service
 * fails, and which operations are slowest, with a note that tells the story.
 */
export const BUSINESS_OVERVIEW: BoardInput = {
  name: "Business overview",
  description: "Revenue, latency and conversion by customer tier, from the demo shop",
  timeRange: { since: "24h" },
  variables: [{ key: "span.customer.tier", values: [] }],
  panels: [
    { id: "revenue", kind: "number", title: "Revenue", query: { q: "{ span.business.revenue_impact > 0 }", measure: "sum(span.business.revenue_impact)" }, layout: { x: 0, y: 0, w: 3, h: 4 } },
    { id: "purchases", kind: "number", title: "Purchases", query: { q: stage("purchase"), measure: "count" }, layout: { x: 3, y: 0, w: 3, h: 4 } },
    {
      id: "note", kind: "note", title: "How to read this board",
      query: {
        markdown: [
          "**Enterprise customers bring most of the revenue but wait longest**: compare *Revenue by tier* with *p95 latency by tier*.",
          "",
          "- *Checkout funnel* follows each shopper (`user.id`) from product view to purchase; the widest drop is where to look.",
          "- *Error rate by service* shows which service fails; open it in the explorer to see the traces.",
          "- Pick a tier in the variable above to see every panel for that tier only.",
        ].join("\n"),
      },
      layout: { x: 6, y: 0, w: 6, h: 4 },
    },
    { id: "rev-tier", kind: "metrics", title: "Revenue by tier", query: { q: "{ span.business.revenue_impact > 0 }", measure: "sum(span.business.revenue_impact)", groupBy: ["span.customer.tier"], view: "totals" }, layout: { x: 0, y: 4, w: 6, h: 7 } },
    { id: "p95-tier", kind: "metrics", title: "p95 latency by tier", query: { q: "{ kind = server }", measure: "p95(duration)", groupBy: ["span.customer.tier"], view: "line" }, layout: { x: 6, y: 4, w: 6, h: 7 } },
    { id: "funnel", kind: "funnel", title: "Checkout funnel by user", query: { steps: [stage("view"), stage("cart"), stage("checkout"), stage("purchase")], by: "span.user.id", window: "1d" }, layout: { x: 0, y: 11, w: 6, h: 8 } },
    { id: "errors", kind: "metrics", title: "Error rate by service", query: { q: "{ kind = server }", measure: "errorRate", groupBy: ["service"], view: "totals" }, layout: { x: 6, y: 11, w: 6, h: 8 } },
    { id: "slowest", kind: "traces", title: "Slowest operations", query: { q: "{ kind = server }", sort: "duration", order: "desc", limit: 10 }, layout: { x: 0, y: 19, w: 12, h: 8 } },
  ],
};

/**
 * Signs in as the demo admin and saves the board, unless the project has one of that name.
 * Boards are saved by people (editors), not keys, hence the sign-in.
 */
export async function ensureDemoBoard(url: string, admin: { email: string; password: string }): Promise<"created" | "exists"> {
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify(admin) });
  if (!signIn.ok) throw new Error(`signing in as ${admin.email} answered ${signIn.status}`);
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const headers = { cookie, origin: url, "content-type": "application/json" };
  const list = (await (await fetch(`${url}/api/v1/boards?project=default`, { headers })).json()) as { boards: { name: string }[] };
  if (list.boards.some((b) => b.name === BUSINESS_OVERVIEW.name)) return "exists";
  const res = await fetch(`${url}/api/v1/boards?project=default`, { method: "POST", headers, body: JSON.stringify(BUSINESS_OVERVIEW) });
  if (res.status !== 201) throw new Error(`saving the demo board answered ${res.status}: ${await res.text()}`);
  return "created";
}
