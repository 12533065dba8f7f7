import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    apiKey: string;
    admin: { email: string; password: string };
  }
}
