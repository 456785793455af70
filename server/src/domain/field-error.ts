/** One field error of a 422 answer: `field` is `website`, `phones`, `phones[2].number`, `currentPassword`... */
export interface FieldError {
  field: string;
  code: string;
}
