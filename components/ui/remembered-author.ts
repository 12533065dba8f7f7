const AUTHOR_KEY = "spanlens.author";

/** There is no login yet: remember who this browser said it was, for the next save
 * (saved filters and saved funnels share it, so nobody types it twice). */
export function rememberedAuthor(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? "";
  } catch {
    return "";
  }
}

export function rememberAuthor(name: string) {
  try {
    localStorage.setItem(AUTHOR_KEY, name);
  } catch {
    // Private mode: the name is simply not remembered.
  }
}
