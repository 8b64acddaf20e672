/** The appointment code in groups of three, easier to read out on the phone: 123 456. */
export function spacedCode(code: string): string {
  return code.replace(/^(\d{3})(\d{3})$/, '$1 $2');
}
