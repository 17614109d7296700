/**
 * Moves focus to the first field marked invalid, looking inside the form's components too (the
 * translated fields keep their inputs in their own shadow roots).
 */
export function focusFirstInvalid(root: ParentNode): boolean {
  for (const element of root.querySelectorAll<HTMLElement>('[aria-invalid="true"], *')) {
    if (element.getAttribute('aria-invalid') === 'true') {
      element.focus();
      return true;
    }
    if (element.shadowRoot && focusFirstInvalid(element.shadowRoot)) return true;
  }
  return false;
}
