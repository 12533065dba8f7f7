import type { Metadata } from "next";
import { Providers } from "./providers";
import { THEME_SCRIPT } from "@/components/theme/theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Spanlens", template: "%s · Spanlens" },
  description: "Explore custom spans and business metrics in your distributed traces.",
  // Inline, so there is no icon file to fetch (and no 404 for /favicon.ico).
  icons: {
    icon: "data:image/svg+xml," + encodeURIComponent(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#2557d6"/><path d="M3 4.5h7M5 8h8M7 11.5h5" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/></svg>',
    ),
  },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The theme script changes the class before hydration, hence suppressHydrationWarning.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
