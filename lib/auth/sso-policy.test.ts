import { describe, expect, it } from "vitest";
import { emailInDomain, ssoErrorMessage, ssoRefusal } from "./sso-policy";

describe("emailInDomain", () => {
  it("matches the exact domain in any case", () => {
    expect(emailInDomain("Ada@Corp.Example", "corp.example")).toBe(true);
    expect(emailInDomain("ada@corp.example", "CORP.example")).toBe(true);
  });
  it("refuses subdomains, look-alikes and addresses without a domain", () => {
    for (const email of ["ada@eu.corp.example", "ada@corp.example.evil", "ada@evilcorp.example", "corp.example", "@corp.example"]) {
      expect(emailInDomain(email, "corp.example"), email).toBe(false);
    }
  });
  it("reads the domain after the last @", () => {
    expect(emailInDomain('"ada@corp.example"@evil.example', "corp.example")).toBe(false);
  });
});

describe("ssoRefusal", () => {
  it("needs a verified email, of the allowed domain when one is set", () => {
    expect(ssoRefusal({ email: "ada@corp.example", emailVerified: true }, "corp.example")).toBeNull();
    expect(ssoRefusal({ email: "ada@anything.example", emailVerified: true }, undefined)).toBeNull();
    expect(ssoRefusal({ email: "eve@other.example", emailVerified: true }, "corp.example")).toBe("email_domain_not_allowed");
    expect(ssoRefusal({ email: "ada@corp.example", emailVerified: false }, "corp.example")).toBe("email_not_verified");
    expect(ssoRefusal({ email: "ada@corp.example", emailVerified: false }, undefined)).toBe("email_not_verified");
  });
});

describe("ssoErrorMessage", () => {
  const opts = { name: "Corp ID", allowedDomain: "corp.example" };
  it("explains the domain refusal with the domain", () => {
    expect(ssoErrorMessage("email_domain_not_allowed", opts)).toContain("Only @corp.example accounts can sign in with Corp ID.");
  });
  it("never echoes text that is not a plain code", () => {
    expect(ssoErrorMessage("some_new_code", opts)).toContain("(some_new_code)");
    expect(ssoErrorMessage("Call 555-0100 to unlock your account", opts)).not.toContain("555");
  });
});
