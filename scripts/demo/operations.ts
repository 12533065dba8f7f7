import { SpanKind, SpanStatusCode, type Span } from "@opentelemetry/api";
import { customerAttributes, type Customer } from "./customers";
import { hr, MS } from "./random";
import { consumerAttributes, dbQuery, httpCall, httpClient, profiling, publish, type DemoError, type Writer } from "./writer";

interface WorkflowSpec {
  trigger: string;
  /** [stage, median ms] in execution order. */
  stages: [string, number][];
}

const WORKFLOWS: Record<string, WorkflowSpec> = {
  "order-fulfillment": {
    trigger: "order.placed",
    stages: [["validation", 30], ["allocation", 110], ["packing", 260], ["shipping_label", 180], ["notification", 45]],
  },
  "invoice-generation": {
    trigger: "schedule.hourly",
    stages: [["validation", 25], ["aggregation", 240], ["rendering", 380], ["delivery", 140]],
  },
  "customer-onboarding": {
    trigger: "user.signup",
    stages: [["validation", 20], ["kyc_check", 850], ["provisioning", 520], ["welcome_email", 70]],
  },
};

function stageError(workflow: string, stage: string): DemoError {
  return {
    type: "StageExecutionError",
    message: `${workflow}: stage ${stage} failed after retries`,
    frames: [`Stage.${stage} (src/workflows/${workflow}/${stage}.ts:44:11)`, "Runner.runStage (src/engine/runner.ts:131:17)", "Runner.run (src/engine/runner.ts:88:9)"],
  };
}

/**
 * A workflow run in workflow-engine: one span per stage attempt, `stage_completed` /
 * `stage_failed` events on the run span, and per-stage durations as int attributes.
 */
export function writeWorkflow(w: Writer, customer: Customer, t0: number): void {
  const name = w.rand.weighted([["order-fulfillment", 0.5], ["invoice-generation", 0.25], ["customer-onboarding", 0.25]] as const);
  const spec = WORKFLOWS[name];
  const id = `wf-${w.rand.hex(10)}`;
  const run = w.start("workflow-engine", `workflow ${name}`, t0, {
    kind: SpanKind.CONSUMER,
    attributes: {
      "workflow.id": id,
      "workflow.name": name,
      "workflow.version": 3,
      "workflow.trigger": spec.trigger,
      "workflow.stage_count": spec.stages.length,
      ...customerAttributes(customer),
    },
  });
  // Some runs hit a transient failure and retry; a few fail for good.
  const flaky = w.rand.chance(0.06) ? w.rand.pick(spec.stages)[0] : null;
  const fatal = flaky !== null && w.rand.chance(0.4);
  let u = t0 + w.dur(2);
  let retries = 0;
  for (const [stage, medianMs] of spec.stages) {
    const stageStart = u;
    const attempts = stage === flaky ? (fatal ? 3 : 2) : 1;
    let ok = true;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const failedAttempt = stage === flaky && (fatal || attempt < attempts);
      const span = w.start("workflow-engine", `stage ${stage}`, u, {
        parent: run,
        attributes: { "workflow.id": id, "workflow.stage": stage, "workflow.attempt": attempt },
      });
      u = writeStageWork(w, span, name, stage, u + w.dur(0.5), medianMs);
      if (failedAttempt) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: `attempt ${attempt} failed` });
        run.addEvent("stage_failed", { stage, duration: Math.round((u - stageStart) / MS), attempt, error: "upstream unavailable" }, hr(u));
        retries++;
        ok = false;
      } else {
        ok = true;
      }
      span.end(hr(u));
      if (failedAttempt && attempt < attempts) u += w.dur(200, 1, 0.3); // backoff
    }
    const stageMs = Math.round((u - stageStart) / MS);
    run.setAttribute(`workflow.stages.${stage}.duration`, stageMs);
    if (!ok) {
      w.fail(run, stageError(name, stage), u);
      break;
    }
    run.addEvent("stage_completed", { stage, duration: stageMs }, hr(u));
  }
  run.setAttributes({ "workflow.retry_count": retries, "workflow.status": fatal ? "failed" : "completed", ...profiling(w, u - t0, 12) });
  run.end(hr(u + w.dur(1)));
}

function writeStageWork(w: Writer, span: Span, workflow: string, stage: string, at: number, medianMs: number): number {
  switch (stage) {
    case "validation":
      return dbQuery(w, "workflow-engine", span, at, {
        system: "postgresql", operation: "SELECT", table: "workflow_inputs", rows: 1, medianMs: medianMs / 3,
        statement: "SELECT payload FROM workflow_inputs WHERE workflow_id = $1",
      });
    case "allocation":
      return httpCall(w, "workflow-engine", "inventory-db", "POST", "/inventory/allocations", "/inventory/allocations", span, at, (srv, a) => ({
        end: dbQuery(w, "inventory-db", srv, a, {
          system: "postgresql", operation: "UPDATE", table: "inventory_levels", rows: w.rand.int(1, 5), medianMs: medianMs / 4,
          statement: "UPDATE inventory_levels SET allocated = allocated + $2 WHERE sku = $1",
        }),
      })).end;
    case "kyc_check":
      return w.leaf("workflow-engine", "POST", at, w.dur(medianMs, 1, 0.6), {
        kind: SpanKind.CLIENT,
        parent: span,
        attributes: httpClient("POST", "https://api.kyc-provider.example/v3/checks", 200),
      });
    case "notification":
    case "welcome_email":
    case "delivery": {
      const { producer, sentAt } = publish(w, "workflow-engine", span, at, "notification-requests");
      const c = sentAt + w.dur(8, 1, 0.8);
      const consumer = w.start("notification-worker", "process notification-requests", c, {
        kind: SpanKind.CONSUMER,
        parent: producer,
        attributes: { ...consumerAttributes("notification-requests", "mailer"), "workflow.name": workflow },
      });
      const end = w.leaf("notification-worker", "email.send", c + w.dur(0.4), w.dur(medianMs), { kind: SpanKind.CLIENT, parent: consumer, attributes: { "notification.channel": "email" } });
      consumer.end(hr(end + w.dur(0.2)));
      return sentAt; // the stage only waits for the publish
    }
    default: {
      const d = w.dur(medianMs);
      span.setAttributes(profiling(w, d, 20));
      return at + d;
    }
  }
}

const SMTP_ERROR: DemoError = {
  type: "SmtpTransientError",
  message: "451 4.3.0 mail server temporarily rejected message",
  frames: ["SmtpTransport.send (src/transports/smtp.ts:73:15)", "EmailChannel.deliver (src/channels/email.ts:29:11)", "Handler.fanOut (src/handler.ts:58:7)"],
};

const REFUND_REJECTED: DemoError = {
  type: "RefundRejectedError",
  message: "refund exceeds captured amount",
  frames: ["RefundService.issue (src/refunds/service.ts:48:13)", "RefundJob.run (src/refunds/job.ts:22:7)"],
};

const EVENTS = [
  { topic: "user-events", event: "user.signup", producer: "web-frontend" as const },
  { topic: "inventory-events", event: "inventory.low_stock", producer: "inventory-db" as const },
  { topic: "payment-events", event: "payment.refunded", producer: "payment-service" as const },
];

/**
 * Event-driven handler: a producer in one service, a consumer in notification-worker that
 * runs three async subtasks in parallel (overlapping siblings).
 */
export function writeEventHandler(w: Writer, customer: Customer, t0: number): void {
  const e = w.rand.pick(EVENTS);
  const origin = w.start(e.producer, `emit ${e.event}`, t0, { attributes: { "event.name": e.event, "customer.id": customer.id } });
  // Refunds the provider rejects still emit the event (the customer is told), but the span fails.
  if (e.event === "payment.refunded" && w.rand.chance(0.15)) {
    w.fail(origin, REFUND_REJECTED, t0 + w.dur(0.2));
  }
  const { producer, sentAt } = publish(w, e.producer, origin, t0 + w.dur(0.4), e.topic);
  origin.end(hr(sentAt + w.dur(0.1)));

  const t = sentAt + w.dur(20, 1, 1);
  const consumer = w.start("notification-worker", `process ${e.topic}`, t, {
    kind: SpanKind.CONSUMER,
    parent: producer,
    attributes: { ...consumerAttributes(e.topic, "notifications"), "event.name": e.event, ...customerAttributes(customer) },
  });
  let u = dbQuery(w, "notification-worker", consumer, t + w.dur(0.3), {
    system: "postgresql", operation: "SELECT", table: "notification_preferences", rows: 1, medianMs: 1.6,
    statement: "SELECT channel, enabled FROM notification_preferences WHERE customer_id = $1",
  });
  const smtpFails = w.rand.chance(0.05);
  const email = w.start("notification-worker", "email.send", u, { kind: SpanKind.CLIENT, parent: consumer, attributes: { "notification.channel": "email", "email.provider": "smtp" } });
  const emailEnd = u + (smtpFails ? w.dur(1500) : w.dur(120));
  if (smtpFails) w.fail(email, SMTP_ERROR, emailEnd);
  email.end(hr(emailEnd));
  const ends = [
    emailEnd,
    w.leaf("notification-worker", "push.send", u + w.dur(0.1), w.dur(35), { kind: SpanKind.CLIENT, parent: consumer, attributes: { "notification.channel": "push" } }),
    w.leaf("notification-worker", "webhook.deliver", u + w.dur(0.2), w.dur(80, 1, 0.8), { kind: SpanKind.CLIENT, parent: consumer, attributes: { "notification.channel": "webhook", "webhook.retry": false } }),
  ];
  u = Math.max(...ends);
  consumer.setAttributes({ "notification.delivered": !smtpFails, ...profiling(w, u - t, 3) });
  if (smtpFails) consumer.setStatus({ code: SpanStatusCode.ERROR, message: "email delivery failed" });
  consumer.end(hr(u + w.dur(0.3)));
}
