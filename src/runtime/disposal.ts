// Explicit resource management: the disposal of a scope's `using` and
// `await using` resources (the specification's DisposeCapability, its
// AddDisposableResource and DisposeResources).
//
// The compiler rewrites a scope that declares such resources into a `try`
// whose `finally` disposes them (src/lower/using.ts), so what it may suspend
// on are awaits in compiled code, counted like any other await:
//
//     var _s = _awaitless.disposables();
//     try { const x = …; _awaitless.using(_s, x, true); … }
//     catch (e) { _awaitless.disposeFailed(_s, e); }
//     finally {
//       while (_awaitless.disposeNext(_s)) try { await _s.v; } catch (e) { _awaitless.disposeFailed(_s, e); }
//       _awaitless.disposeEnd(_s);
//     }
//
// `disposeNext` calls dispose methods, last resource first, until one asks
// for an await (its value in `v`): the result of an async dispose method, or
// `undefined` where the specification awaits nothing (an `await using` of
// null or undefined). A scope with only `using` never asks, and its `finally`
// is `_awaitless.disposeSync(_s)`. Errors collect as the specification
// collects them: the first as it is, each later one as a SuppressedError
// whose `suppressed` is what came before.
//
// Symbol.dispose and Symbol.asyncDispose come from disposeSymbol
// (intrinsics.ts), which says what stands in for them on older engines.

/* eslint-disable @typescript-eslint/no-explicit-any */

import { disposeSymbol, isObject, typeError, NativePromise, uncurriedCall, defineHidden } from "./intrinsics.js";

interface Resource {
  /** The value, the `this` of its dispose method. */
  o: any;
  /** Its dispose method; undefined for an `await using` of null or undefined. */
  m: any;
  /** Declared with `await using`. */
  a: boolean;
}

interface Disposables {
  r: Resource[];
  /** An error is pending, and which. */
  h: boolean;
  e: any;
  /** DisposeResources' needsAwait and hasAwaited. */
  n: boolean;
  w: boolean;
  /** The value disposeNext asks the compiled code to await. */
  v: any;
}

/** A scope's empty list of resources. */
export function disposables(): Disposables {
  return { r: [], h: false, e: undefined, n: false, w: false, v: undefined };
}

/** `using x = value` (`isAsync`: `await using`) adds its value to the scope's resources. */
export function useResource(scope: Disposables, value: any, isAsync: boolean): void {
  if (value === null || value === undefined) {
    // `await using` of nothing still awaits once when the scope ends.
    if (isAsync) scope.r.push({ o: undefined, m: undefined, a: true });
    return;
  }
  // (The messages are V8's.)
  if (!isObject(value)) throw typeError("An object is expected with `using` declarations");
  var method = isAsync ? value[disposeSymbol("asyncDispose")] : undefined;
  if (method === undefined || method === null) {
    var sync = value[disposeSymbol("dispose")];
    if (sync !== undefined && sync !== null && typeof sync === "function" && isAsync) method = asyncFromSyncDispose(sync);
    else method = sync;
  }
  if (typeof method !== "function") throw typeError(String(disposeSymbol("dispose")) + " is not a function");
  scope.r.push({ o: value, m: method, a: isAsync });
}

/** An async dispose method made of a sync one: it resolves to undefined, or rejects with what it threw. */
function asyncFromSyncDispose(method: any): any {
  return function (this: any) {
    try {
      uncurriedCall(method, this);
    } catch (error) {
      return new NativePromise(function (_resolve, reject) {
        reject(error);
      });
    }
    return new NativePromise(function (resolve) {
      resolve(undefined);
    });
  };
}

/** Records an error of the scope's body or of a disposal. */
export function disposeFailed(scope: Disposables, error: any): void {
  scope.e = scope.h ? suppressedError(error, scope.e) : error;
  scope.h = true;
}

/**
 * Disposes resources, last first, until one asks for an await: then sets
 * `scope.v` to the value to await and returns true. Returns false when all
 * are disposed.
 */
export function disposeNext(scope: Disposables): boolean {
  var resources = scope.r;
  while (resources.length) {
    var resource = resources.pop()!;
    if (!resource.a && scope.n && !scope.w) {
      // Before a sync resource, the await an earlier `await using` of nothing owes.
      resources.push(resource);
      scope.n = false;
      scope.v = undefined;
      return true;
    }
    if (resource.m === undefined) {
      scope.n = true;
      continue;
    }
    var result;
    try {
      result = uncurriedCall(resource.m, resource.o);
    } catch (error) {
      disposeFailed(scope, error);
      continue;
    }
    if (resource.a) {
      scope.w = true;
      scope.v = result;
      return true;
    }
  }
  if (scope.n && !scope.w) {
    scope.n = false;
    scope.v = undefined;
    return true;
  }
  return false;
}

/** After the last disposal: the scope's error, if it has one, is thrown. */
export function disposeEnd(scope: Disposables): void {
  if (scope.h) throw scope.e;
}

/** The `finally` of a scope with only `using`: every disposal, then its error. */
export function disposeSync(scope: Disposables): void {
  disposeNext(scope);
  disposeEnd(scope);
}

declare var SuppressedError: any;
var NativeSuppressedError: any = typeof SuppressedError === "function" ? SuppressedError : undefined;
var suppressedMessage = "An error was suppressed during disposal";

/** The engine's SuppressedError, or an Error like it where the engine has none. */
function suppressedError(error: any, suppressed: any): any {
  if (NativeSuppressedError) return new NativeSuppressedError(error, suppressed, suppressedMessage);
  var made: any = new Error(suppressedMessage);
  defineHidden(made, "name", "SuppressedError", true);
  defineHidden(made, "error", error, true);
  defineHidden(made, "suppressed", suppressed, true);
  return made;
}
