"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Spinner } from "@/components/ui";

/**
 * A PDF's first page drawn as an image, in the browser, with pdf.js. The worker is a module of
 * our own bundle (the CSP allows `worker-src 'self' blob:`, nothing from a CDN), eval is off, and
 * the library loads only when this component mounts. The PDF comes from the preview route, which
 * checks who asks exactly as a download does, and is not counted.
 */
export function PdfFirstPage({ src, title }: { src: string; title: string }) {
  const t = useTranslations("assets.detail");
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let cancelled = false;
    let worker: Worker | null = null;
    let destroy: (() => Promise<void>) | null = null;
    (async () => {
      const pdfjs = await import("pdfjs-dist");
      worker = new Worker(new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url), { type: "module" });
      pdfjs.GlobalWorkerOptions.workerPort = worker;
      const task = pdfjs.getDocument({ url: src, isEvalSupported: false, withCredentials: true });
      destroy = () => task.destroy();
      const doc = await task.promise;
      const page = await doc.getPage(1);
      const target = canvas.current;
      if (cancelled || !target) return;
      const width = target.parentElement?.clientWidth || 480;
      const base = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (Math.min(width, 720) / base.width) * ratio });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      target.style.width = `${Math.floor(viewport.width / ratio)}px`;
      await page.render({ canvas: target, viewport }).promise;
      if (!cancelled) setState("ready");
    })().catch(() => {
      if (!cancelled) setState("failed");
    });
    return () => {
      cancelled = true;
      void destroy?.();
      worker?.terminate();
    };
  }, [src]);

  return (
    <figure className="flex flex-col items-center gap-2" data-testid="pdf-preview" data-state={state}>
      {state === "loading" ? (
        <p className="flex items-center gap-2 text-sm text-muted" role="status">
          <Spinner className="size-4" />
          {t("previewLoading")}
        </p>
      ) : null}
      {state === "failed" ? <p className="text-sm text-muted">{t("previewFailed")}</p> : null}
      <canvas
        ref={canvas}
        role="img"
        aria-label={t("pdfFirstPage", { title })}
        className={state === "ready" ? "max-w-full rounded border border-border shadow-sm" : "hidden"}
      />
    </figure>
  );
}
