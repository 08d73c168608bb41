"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Spinner } from "@/components/ui";

type PdfJs = typeof import("pdfjs-dist");
let pdfjsLoading: Promise<PdfJs> | null = null;

/** pdf.js once per page, with its worker from our own bundle (the CSP allows workers of 'self'). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= import("pdfjs-dist").then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerPort = new Worker(new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url), {
      type: "module",
    });
    return pdfjs;
  });
  return pdfjsLoading;
}

/**
 * The first page of a PDF drawn on screen (pdf.js in the browser: no plug-in, no native binary on
 * the server), for library assets and co-branded material alike. `src` is a same-origin file route
 * that checks who asks; the picture is labelled for screen readers. pdf.js loads only when a
 * preview mounts, eval off.
 */
export function PdfPreview({ src, label }: { src: string; label: string }) {
  const t = useTranslations("pdfPreview");
  const canvas = useRef<HTMLCanvasElement>(null);
  // The outcome belongs to the file it was drawn from: a new src is "loading" until its own outcome.
  const [outcome, setOutcome] = useState<{ src: string; state: "ready" | "error" } | null>(null);
  const state = outcome?.src === src ? outcome.state : "loading";

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const pdfjs = await loadPdfJs();
      const response = await fetch(src, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) throw new Error(`preview ${response.status}`);
      const data = new Uint8Array(await response.arrayBuffer());
      // Glyphs drawn from the PDF's own font program, not handed to the browser as web fonts: the
      // page's CSP and font sanitizer then cannot swap in a fallback font (which unjoins Arabic).
      // PDFs that name Helvetica and the like without embedding it get those outlines from our own route.
      const doc = await pdfjs.getDocument({
        data,
        disableFontFace: true,
        isEvalSupported: false,
        standardFontDataUrl: "/api/pdf-fonts/",
      }).promise;
      const page = await doc.getPage(1);
      if (cancelled) return;
      // Drawn at the screen's pixel density, shown at the box's width. Each draw gets a canvas of
      // its own: pdf.js refuses a second render on a canvas still in use, which a quick change of
      // `src` (the editor's language switch) would otherwise cause; the shown canvas only takes
      // a finished picture.
      const viewport = page.getViewport({ scale: 1.5 * Math.min(window.devicePixelRatio || 1, 2) });
      const drawn = document.createElement("canvas");
      drawn.width = Math.floor(viewport.width);
      drawn.height = Math.floor(viewport.height);
      await page.render({ canvas: drawn, viewport }).promise;
      await doc.destroy();
      const target = canvas.current;
      if (cancelled || !target) return;
      target.width = drawn.width;
      target.height = drawn.height;
      target.getContext("2d")?.drawImage(drawn, 0, 0);
      setOutcome({ src, state: "ready" });
    })().catch(() => {
      if (!cancelled) setOutcome({ src, state: "error" });
    });
    return () => {
      cancelled = true;
    };
  }, [src]);

  return (
    <div
      className="relative overflow-hidden rounded-md border border-border bg-neutral-100"
      data-testid="pdf-preview"
      data-state={state}
    >
      {state === "loading" ? (
        <div
          className="flex aspect-[210/297] w-full items-center justify-center gap-2 text-sm text-muted"
          role="status"
        >
          <Spinner className="size-4" />
          {t("loading")}
        </div>
      ) : null}
      {state === "error" ? (
        <p
          className="flex aspect-[210/297] w-full items-center justify-center p-6 text-center text-sm text-danger-700"
          role="alert"
        >
          {t("failed")}
        </p>
      ) : null}
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        data-state={state}
        className={state === "ready" ? "block h-auto w-full bg-white" : "hidden"}
      />
    </div>
  );
}
