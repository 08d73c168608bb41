import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { isUuid } from "@/lib/ids";
import { api } from "@/server/trpc/server";

/** A read that answers 404 for a malformed id or a course the partner may not see (never a hint). */
function orNotFound<T>(read: Promise<T>): Promise<T> {
  return read.catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}

/** The course outline, read once per request (metadata and page share it). */
export const loadCourse = cache(async (courseId: string) => {
  if (!isUuid(courseId)) notFound();
  return orNotFound((await api()).partner.training.course({ courseId }));
});

/** A lesson; a locked one sends the reader back to the course outline. */
export const loadLesson = cache(async (courseId: string, lessonId: string) => {
  if (!isUuid(courseId) || !isUuid(lessonId)) notFound();
  return orNotFound(
    (await api()).partner.training.lesson({ courseId, lessonId }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "CONFLICT") redirect(`/training/${courseId}`);
      throw error;
    }),
  );
});

/** A submitted attempt's result (the caller's own). */
export const loadResult = cache(async (attemptId: string) => {
  if (!isUuid(attemptId)) notFound();
  return orNotFound((await api()).partner.training.attemptResult({ attemptId }));
});
