import { withProject } from "@/components/project/with-project";
/** A failed API call: the server's message, and for TraceQL errors where in the query it is. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly from?: number,
    readonly to?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The parameter the server blamed (`q`, `steps[1]`, `measure`), from `"<param>: ..."`. */
  get param(): string | null {
    return /^([\w.[\]]+): /.exec(this.message)?.[1] ?? null;
  }

  /** The message without its parameter prefix, for showing beside that parameter's input. */
  get detail(): string {
    return this.message.replace(/^[\w.[\]]+: /, "");
  }
}

export async function apiJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(withProject(url), {
    ...init,
    headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}), ...init?.headers },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string; from?: number; to?: number } | null;
    throw new ApiError(body?.error ?? `${init?.method ?? "GET"} ${url.split("?")[0]} answered ${res.status}`, res.status, body?.from, body?.to);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** The error of a parameter, if that is what failed (so its input can show it). */
export function errorFor(error: unknown, param: string): ApiError | null {
  return error instanceof ApiError && error.param === param ? error : null;
}
