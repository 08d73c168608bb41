export { cn, type ClassValue } from "./cn";
export {
  AlertTriangle,
  ArrowDown,
  ArrowUp,
  ArrowUpDown,
  Banknote,
  Box,
  Briefcase,
  GraduationCap,
  Folder,
  Megaphone,
  Building,
  ChartBar,
  Check,
  ChevronDown,
  ChevronEnd,
  ChevronStart,
  Download,
  FileText,
  Globe,
  Home,
  LogOut,
  Mail,
  Menu,
  Plus,
  Settings,
  Shield,
  Target,
  Upload,
  Users,
  X,
  type IconComponent,
  type IconProps,
} from "./icons";
export { Spinner, type SpinnerProps } from "./spinner";
export { Button, buttonClasses, type ButtonProps, type ButtonSize, type ButtonVariant } from "./button";
export { FileInput, Input, Textarea, type FileInputProps, type InputProps, type TextareaProps } from "./input";
export { checkboxClasses, fieldControlClasses, fileControlClasses } from "./field-classes";
export { Select, type SelectProps } from "./select";
export {
  CheckboxField,
  ChoiceFieldset,
  FormAlert,
  FormField,
  type CheckboxFieldProps,
  type ChoiceFieldsetProps,
  type FormFieldProps,
} from "./form-field";
export { useFieldControl, type FieldControl } from "./field-control";
export { fieldDescribedBy, fieldErrorId, fieldHintId } from "./field-ids";
export {
  Pagination,
  SortableTH,
  TBody,
  TD,
  TH,
  THead,
  TR,
  Table,
  type PaginationLabels,
  type PaginationProps,
  type SortDirection,
  type SortableTHProps,
  type TDProps,
  type THProps,
  type TableProps,
} from "./table";
export { Badge, type BadgeProps, type BadgeTone } from "./badge";
export { Card, CardBody, CardFooter, CardHeader, type CardHeaderProps } from "./card";
export { Dialog, type DialogProps } from "./dialog";
export {
  ToastProvider,
  useToast,
  type ToastContextValue,
  type ToastOptions,
  type ToastProviderProps,
  type ToastTone,
} from "./toast";
export { EmptyState, type EmptyStateProps } from "./empty-state";
export { Skeleton, SkeletonTable, type SkeletonTableProps } from "./skeleton";
