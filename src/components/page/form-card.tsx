import type { FormEvent, ReactNode } from "react";
import { Card, CardBody, CardFooter, CardHeader, FormAlert } from "@/components/ui";

/**
 * A form in a card: titled, with the form's own message above its fields and its buttons in the
 * footer. Changing `formKey` remounts the form, so it starts empty after each success.
 */
export function FormCard({
  titleId,
  title,
  description,
  onSubmit,
  formKey,
  message,
  messageClassName,
  bodyClassName = "space-y-4",
  footer,
  className,
  after,
  children,
}: {
  titleId: string;
  title: ReactNode;
  description?: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  formKey?: number;
  message: ReactNode;
  messageClassName?: string;
  bodyClassName?: string;
  footer: ReactNode;
  className?: string;
  /** Shown in the card below the form (an import's report). */
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card className={className}>
      <form key={formKey} onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <CardHeader title={title} titleId={titleId} description={description} />
        <CardBody className={bodyClassName}>
          <FormAlert message={message} className={messageClassName} />
          {children}
        </CardBody>
        <CardFooter>{footer}</CardFooter>
      </form>
      {after}
    </Card>
  );
}
