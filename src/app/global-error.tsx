"use client";

// The root layout itself failed, so no translations are available: both languages, side by side.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 32, textAlign: "center" }}>
        <h1>Something went wrong · حدث خطأ ما</h1>
        <button type="button" onClick={reset}>
          Try again · حاول مرة أخرى
        </button>
      </body>
    </html>
  );
}
