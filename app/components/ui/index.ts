// The Waymark UI kit in one import: `import { Button, Dialog, … } from '~/components/ui'`.
export { Button, buttonClasses, type ButtonProps, type ButtonVariant, type ButtonSize } from './Button';
export { Dialog, type DialogProps } from './Dialog';
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog';
export { Field, TextField, TextAreaField, SelectField, inputClasses } from './Field';
export { Avatar, AvatarStack, initialsOf, colorOf } from './Avatar';
export { Spinner } from './Spinner';
export { EmptyState } from './EmptyState';
export { Menu, type MenuItem } from './Menu';
export { TabLoadError } from './TabLoadError';
export { DateField, DateTimeField, TimeBox, TimeField } from './DateTimeInput';
