/** The project a browser last opened: pages without `?project=` go back to it. */
export const PROJECT_COOKIE = "spanlens-project";
/** The URL parameter that names the project on every page and API call. */
export const PROJECT_PARAM = "project";
/** Set by proxy.ts on page requests: the project the URL names, for server components. */
export const PROJECT_HEADER = "x-spanlens-project";
