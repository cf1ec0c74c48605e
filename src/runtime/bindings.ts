// Helpers that keep `let`, `const` and `class` bindings honest after they
// have been hoisted out of their blocks into plain variables.

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The value of a hoisted binding before its declaration has run (its temporal dead zone). */
export var TDZ: any = {};

/** Reads a hoisted binding that might still be in its TDZ: a ReferenceError there, as natively. */
export function checkInitialized(value: any, name: string): any {
  if (value === TDZ) throw new ReferenceError("Cannot access '" + name + "' before initialization");
  return value;
}

/** A reference that is certainly in its TDZ (a parameter default reading a later parameter). */
export function uninitialized(name: string): never {
  throw new ReferenceError("Cannot access '" + name + "' before initialization");
}

/** `x = value` on a hoisted binding that might be in its TDZ: ReferenceError after `value` is evaluated. */
export function initializedWrite(current: any, name: string, value: any): any {
  checkInitialized(current, name);
  return value;
}

/**
 * An assignment target standing for a hoisted `let` or `class` binding in a
 * pattern or a for…in/of head, where the store may run in its TDZ: the store
 * is a ReferenceError there, as natively, and a plain write after.
 */
export function initializedTarget(name: string, read: () => any, write: (value: any) => void): { value: any } {
  return {
    set value(value: any) {
      checkInitialized(read(), name);
      write(value);
    },
  };
}

/**
 * An assignment target standing for a hoisted `const` in a pattern: storing
 * into it throws (`read`, given where the store may run in the TDZ, reads the
 * binding at that moment).
 */
export function constTarget(name: string, read?: () => any): { value: any } {
  return {
    set value(ignored: any) {
      constAssign(name, read && read());
    },
  };
}

/** An assignment to a hoisted `const`: ReferenceError while `current` is its TDZ marker, as natively, TypeError after. */
export function constAssign(name: string, current?: any): never {
  checkInitialized(current, name);
  throw new TypeError("Assignment to constant variable '" + name + "'.");
}
