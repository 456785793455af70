/**
 * Formatting a number field as the person types, without fighting them.
 *
 * Only what adds digits is formatted (typing, pasting, autofill), with the caret kept after the digit
 * it followed: a space, dot or dash the person types stays until their next digit. A deletion is left exactly as the person made it: reformatting would put back a
 * space they just erased, and backspace right after a space would seem to do nothing. The field is
 * tidied when it loses focus instead. Nothing is touched during an IME composition or an undo.
 */
import type { PhoneTools } from './loader.js';

// A key that adds no digit: the person's own separator, kept until the next digit regroups the number.
const NO_DIGIT = /^[^\d+\uff0b\uff10-\uff19]*$/u;

function formatsOn(event: Event): boolean {
  // Autofill and scripts replace the whole value, with a plain `input` event or an empty inputType.
  if (!(event instanceof InputEvent)) return true;
  if (event.isComposing) return false;
  if (event.inputType === 'insertText' && NO_DIGIT.test(event.data ?? '')) return false;
  return !event.inputType.startsWith('delete') && !event.inputType.startsWith('history');
}

/** Formats `input` after `event` if it added characters; returns the value the field now holds. */
export function formatWhileTyping(input: HTMLInputElement, event: Event, region: string, tools: PhoneTools): string {
  const value = input.value;
  if (!formatsOn(event)) return value;
  const formatted = tools.formatAsYouTypeAt(value, input.selectionStart ?? value.length, region);
  if (formatted.value !== value) {
    input.value = formatted.value;
    input.setSelectionRange(formatted.caret, formatted.caret);
  }
  return formatted.value;
}

/** The whole value grouped the region's way, once the person has left the field. */
export function formatOnLeave(value: string, region: string, tools: PhoneTools): string {
  return tools.formatAsYouType(value, region);
}
