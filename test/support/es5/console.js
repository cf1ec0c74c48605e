// `console` for the ES5 engines, and for Hermes and QuickJS after
// test/support/engines/host.js: `console.log` and `console.info` print to
// stdout through the host's `write` (or the engine's `print`), formatting
// their arguments as Node's util.format does (%-placeholders, strings as
// they are, other values as util.inspect shows them with its default
// options); `console.error`, `console.warn` and `console.debug`'s stderr
// output is not compared, so they print nothing. Loaded after the host;
// plain ES5.
//
// What is covered: primitives, strings (quoted and escaped as Node does),
// arrays (holes, extra keys, grouping of long arrays in columns), plain and
// class-instance objects, null-prototype objects, functions, boxed
// primitives, dates, regular expressions, arguments objects, the host's
// promises (an engine's own too, without the fields it keeps on them, which
// the host's promiseState names), getters/setters, symbol keys, circular
// references, nesting beyond depth 2, and Node's rules for breaking long
// output over lines. test/es5-engines.test.ts checks it against Node's own
// formatting.

(function (global, host) {
  "use strict";

  var hasSymbol = typeof Symbol === "function" && typeof Symbol() === "symbol";
  var toStringTagSymbol = hasSymbol && typeof Symbol.toStringTag === "symbol" ? Symbol.toStringTag : undefined;
  var getOwnSymbols = Object.getOwnPropertySymbols;
  var objectToString = Object.prototype.toString;
  var hasOwn = Object.prototype.hasOwnProperty;
  var isEnumerable = Object.prototype.propertyIsEnumerable;
  var functionToString = Function.prototype.toString;
  var getDescriptor = Object.getOwnPropertyDescriptor;
  var getPrototypeOf = Object.getPrototypeOf;
  // The host's write where it has one (test/support/engines/host.js stops the output once the program has ended).
  var write = host.write || print;

  var BREAK_LENGTH = 80;
  var COMPACT = 3;
  var DEPTH = 2;
  var MIN_LINE_WIDTH = 16;
  var keyIsIdentifier = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
  var numericKey = /^(0|[1-9][0-9]*)$/;

  function repeat(text, count) {
    var out = "";
    for (var i = 0; i < count; i++) out += text;
    return out;
  }

  function indexOf(list, item) {
    for (var i = 0; i < list.length; i++) if (list[i] === item) return i;
    return -1;
  }

  function includes(text, part) {
    return text.indexOf(part) !== -1;
  }

  function without(list, items) {
    var out = [];
    for (var i = 0; i < list.length; i++) if (indexOf(items, list[i]) === -1) out.push(list[i]);
    return out;
  }

  function padStart(text, width) {
    return text.length >= width ? text : repeat(" ", width - text.length) + text;
  }

  function padEnd(text, width) {
    return text.length >= width ? text : text + repeat(" ", width - text.length);
  }

  /** A function's name: `name` where the engine has it (mujs does not), else read from its source text. */
  function functionName(fn) {
    var name = fn.name;
    if (typeof name === "string") return name;
    var match = /^\s*function\s*([^\s(]*)\s*\(/.exec(functionToString.call(fn));
    return match ? match[1] : "";
  }

  // ---- strings -----------------------------------------------------------------

  var META = [
    "\\x00", "\\x01", "\\x02", "\\x03", "\\x04", "\\x05", "\\x06", "\\x07",
    "\\b", "\\t", "\\n", "\\x0B", "\\f", "\\r", "\\x0E", "\\x0F",
    "\\x10", "\\x11", "\\x12", "\\x13", "\\x14", "\\x15", "\\x16", "\\x17",
    "\\x18", "\\x19", "\\x1A", "\\x1B", "\\x1C", "\\x1D", "\\x1E", "\\x1F"
  ];

  function hex4(code) {
    var digits = code.toString(16);
    return "\\u" + repeat("0", 4 - digits.length) + digits;
  }

  /** A string as a quoted literal: single quotes unless the text has some and another quote fits better. */
  function quote(text) {
    var q = "'";
    if (includes(text, "'")) {
      if (!includes(text, '"')) q = '"';
      else if (!includes(text, "`") && !includes(text, "${")) q = "`";
    }
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      var code = text.charCodeAt(i);
      if (c === q || c === "\\") out += "\\" + c;
      else if (code < 0x20) out += META[code];
      else if (code === 0x7f) out += "\\x7F";
      else if (code >= 0xd800 && code <= 0xdbff) {
        var low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          out += c + text.charAt(i + 1);
          i++;
        } else out += hex4(code);
      } else if (code >= 0xdc00 && code <= 0xdfff) out += hex4(code);
      else out += c;
    }
    return q + out + q;
  }

  /** Splits after each line break, keeping it (Node shows long multi-line strings as `'a\n' +` lines). */
  function splitLines(text) {
    var parts = [];
    var start = 0;
    for (var i = 0; i < text.length; i++) {
      if (text.charAt(i) === "\n") {
        parts.push(text.slice(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length || parts.length === 0) parts.push(text.slice(start));
    return parts;
  }

  function formatNumber(value) {
    if (value === 0 && 1 / value < 0) return "-0";
    return String(value);
  }

  function formatPrimitive(value, ctx) {
    switch (typeof value) {
      case "string":
        if (value.length > MIN_LINE_WIDTH && value.length > BREAK_LENGTH - ctx.indentationLvl - 4) {
          var lines = splitLines(value);
          var out = [];
          for (var i = 0; i < lines.length; i++) out.push(quote(lines[i]));
          return out.join(" +\n" + repeat(" ", ctx.indentationLvl + 2));
        }
        return quote(value);
      case "number":
        return formatNumber(value);
      case "boolean":
        return String(value);
      case "undefined":
        return "undefined";
      case "symbol":
        return String(value);
      default:
        return String(value) + "n";
    }
  }

  // ---- objects -----------------------------------------------------------------

  /** Own enumerable string keys, then own enumerable symbols, as Node lists them. */
  function ownKeys(value, skipIndices) {
    var keys = Object.keys(value);
    var out = [];
    for (var i = 0; i < keys.length; i++) {
      if (skipIndices && numericKey.test(keys[i]) && Number(keys[i]) < 4294967295) continue;
      out.push(keys[i]);
    }
    if (getOwnSymbols) {
      var symbols = getOwnSymbols(value);
      for (var j = 0; j < symbols.length; j++) if (isEnumerable.call(value, symbols[j])) out.push(symbols[j]);
    }
    return out;
  }

  /** The name of the first constructor up the prototype chain that `value` is an instance of; null for a null prototype. */
  function constructorName(value) {
    var object = value;
    while (object) {
      var descriptor = getDescriptor(object, "constructor");
      if (descriptor !== undefined && typeof descriptor.value === "function") {
        var name = functionName(descriptor.value);
        if (name !== "" && isInstance(value, descriptor.value)) return name;
      }
      object = getPrototypeOf(object);
    }
    return null;
  }

  function isInstance(value, ctor) {
    try {
      return value instanceof ctor;
    } catch (ignored) {
      return false;
    }
  }

  function toStringTag(value, constructor) {
    if (!toStringTagSymbol) return "";
    var tag;
    try {
      tag = value[toStringTagSymbol];
    } catch (ignored) {
      return "";
    }
    if (typeof tag !== "string" || tag === "" || isEnumerable.call(value, toStringTagSymbol)) return "";
    return tag === constructor ? "" : tag;
  }

  function prefix(constructor, tag, fallback, size) {
    if (constructor === null) {
      if (tag !== "" && fallback !== tag) return "[" + fallback + (size || "") + ": null prototype] [" + tag + "] ";
      return "[" + fallback + (size || "") + ": null prototype] ";
    }
    if (tag !== "" && constructor !== tag) return constructor + (size || "") + " [" + tag + "] ";
    return constructor + (size || "") + " ";
  }

  function functionBase(value, constructor, tag) {
    var type = "Function";
    var source = "";
    try {
      source = functionToString.call(value);
    } catch (ignored) {
      // Not every function has source text.
    }
    if (/^class\b/.test(source)) {
      var base = "[class " + (functionName(value) || "(anonymous)");
      var superClass = getPrototypeOf(value);
      if (superClass && superClass !== Function.prototype) base += " extends " + (functionName(superClass) || "");
      return base + "]";
    }
    var out = "[" + type;
    if (constructor === null) out += " (null prototype)";
    var name = functionName(value);
    out += name === "" ? " (anonymous)" : ": " + name;
    out += "]";
    if (constructor !== type && constructor !== null) out += " " + constructor;
    if (tag !== "" && constructor !== tag) out += " [" + tag + "]";
    return out;
  }

  function isError(value) {
    return objectToString.call(value) === "[object Error]" || value instanceof Error;
  }

  function formatValue(ctx, value, recurseTimes) {
    if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(value, ctx);
    if (value === null) return "null";
    if (indexOf(ctx.seen, value) !== -1) {
      var index = indexOf(ctx.circular, value);
      if (index === -1) {
        ctx.circular.push(value);
        index = ctx.circular.length - 1;
      }
      return "[Circular *" + (index + 1) + "]";
    }
    return formatRaw(ctx, value, recurseTimes);
  }

  function formatRaw(ctx, value, recurseTimes) {
    var constructor = constructorName(value);
    var tag = toStringTag(value, constructor);
    var kind = objectToString.call(value);
    var base = "";
    var braces;
    var keys;
    var formatter = null;
    var arrayLike = false;
    var promise = host.promiseState(value);

    if (kind === "[object Array]") {
      keys = ownKeys(value, true);
      var size = "(" + value.length + ")";
      braces = [constructor === "Array" && tag === "" ? "[" : prefix(constructor, tag, "Array", size) + "[", "]"];
      if (value.length === 0 && keys.length === 0) return braces[0] + "]";
      arrayLike = true;
      formatter = formatArray;
    } else if (kind === "[object Arguments]") {
      // Node 20 shows an arguments object with its indices as keys.
      keys = ownKeys(value, false);
      braces = ["[Arguments] {", "}"];
      if (keys.length === 0) return braces[0] + "}";
    } else {
      keys = ownKeys(value, false);
      braces = ["{", "}"];
      if (promise && promise.internalKeys) keys = without(keys, promise.internalKeys);
      if (promise) {
        braces[0] = prefix(constructor, tag, "Promise") + "{";
        formatter = formatPromise;
      } else if (typeof value === "function") {
        base = functionBase(value, constructor, tag);
        if (keys.length === 0) return base;
      } else if (kind === "[object RegExp]") {
        base = RegExp.prototype.toString.call(value);
        var regexpPrefix = prefix(constructor, tag, "RegExp");
        if (regexpPrefix !== "RegExp ") base = regexpPrefix + base;
        if (keys.length === 0) return base;
      } else if (kind === "[object Date]") {
        base = isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
        var datePrefix = prefix(constructor, tag, "Date");
        if (datePrefix !== "Date ") base = datePrefix + base;
        if (keys.length === 0) return base;
      } else if (isError(value)) {
        base = formatError(value);
        if (keys.length === 0) return base;
      } else if (kind === "[object Number]" || kind === "[object String]" || kind === "[object Boolean]" || kind === "[object Symbol]") {
        var type = kind.slice(8, -1);
        var primitive = type === "Number" ? formatNumber(value.valueOf()) : type === "String" ? quote(value.valueOf()) : String(value.valueOf());
        base = "[" + type;
        if (type !== constructor) base += constructor === null ? " (null prototype)" : " (" + constructor + ")";
        base += ": " + primitive + "]";
        if (tag !== "" && tag !== constructor) base += " [" + tag + "]";
        if (type === "String") keys = ownKeys(value, true);
        if (keys.length === 0) return base;
      } else {
        if (keys.length === 0) return (constructor === "Object" && tag === "" ? "" : prefix(constructor, tag, "Object")) + "{}";
        if (!(constructor === "Object" && tag === "")) braces[0] = prefix(constructor, tag, "Object") + "{";
      }
    }

    if (recurseTimes > DEPTH) {
      var name = prefix(constructor, tag, kind === "[object Array]" ? "Array" : "Object");
      return "[" + name.slice(0, -1) + "]";
    }

    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    var output = formatter ? formatter(ctx, value, recurseTimes) : [];
    for (var i = 0; i < keys.length; i++) output.push(formatProperty(ctx, value, recurseTimes, keys[i], false));
    ctx.seen.pop();

    var circularIndex = indexOf(ctx.circular, value);
    if (circularIndex !== -1) {
      var reference = "<ref *" + (circularIndex + 1) + ">";
      base = base === "" ? reference : reference + " " + base;
    }
    return reduceToSingleString(ctx, output, base, braces, arrayLike, recurseTimes, value);
  }

  function formatError(error) {
    var name = error.name !== undefined ? String(error.name) : "Error";
    var message = error.message !== undefined ? String(error.message) : "";
    return "[" + (message ? name + ": " + message : name) + "]";
  }

  function formatPromise(ctx, value, recurseTimes) {
    var promise = host.promiseState(value);
    if (promise.state === "pending") return ["<pending>"];
    ctx.indentationLvl += 2;
    var text = formatValue(ctx, promise.result, recurseTimes);
    ctx.indentationLvl -= 2;
    return [promise.state === "rejected" ? "<rejected> " + text : text];
  }

  function formatArray(ctx, value, recurseTimes) {
    var output = [];
    var length = value.length;
    var holes = 0;
    for (var i = 0; i < length && output.length < 100; i++) {
      if (!hasOwn.call(value, i)) {
        holes++;
        continue;
      }
      if (holes) {
        output.push("<" + holes + " empty item" + (holes > 1 ? "s" : "") + ">");
        holes = 0;
      }
      output.push(formatProperty(ctx, value, recurseTimes, i, true));
    }
    if (holes) output.push("<" + holes + " empty item" + (holes > 1 ? "s" : "") + ">");
    if (i < length) output.push("... " + (length - i) + " more item" + (length - i > 1 ? "s" : ""));
    return output;
  }

  function formatProperty(ctx, value, recurseTimes, key, inArray) {
    var descriptor = getDescriptor(value, key) || { value: value[key], enumerable: true };
    var text;
    if (descriptor.value !== undefined) {
      ctx.indentationLvl += 2;
      text = formatValue(ctx, descriptor.value, recurseTimes);
      ctx.indentationLvl -= 2;
    } else if (descriptor.get !== undefined) {
      text = descriptor.set !== undefined ? "[Getter/Setter]" : "[Getter]";
    } else if (descriptor.set !== undefined) {
      text = "[Setter]";
    } else {
      text = "undefined";
    }
    if (inArray) return text;
    var name;
    if (typeof key === "symbol") name = "[" + String(key) + "]";
    else if (key === "__proto__") name = "['__proto__']";
    else if (keyIsIdentifier.test(key)) name = key;
    else name = quote(key);
    return name + ": " + text;
  }

  function isBelowBreakLength(output, start, base) {
    var total = output.length + start;
    if (total + output.length > BREAK_LENGTH) return false;
    for (var i = 0; i < output.length; i++) {
      total += output[i].length;
      if (total > BREAK_LENGTH) return false;
    }
    return base === "" || !includes(base, "\n");
  }

  function reduceToSingleString(ctx, output, base, braces, arrayLike, recurseTimes, value) {
    var entries = output.length;
    if (arrayLike && entries > 6) output = groupArrayElements(ctx, output, value);
    if (ctx.currentDepth - recurseTimes < COMPACT && entries === output.length) {
      var start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
      if (isBelowBreakLength(output, start, base)) {
        var joined = output.join(", ");
        if (!includes(joined, "\n")) return (base ? base + " " : "") + braces[0] + " " + joined + " " + braces[1];
      }
    }
    var indentation = "\n" + repeat(" ", ctx.indentationLvl);
    return (base ? base + " " : "") + braces[0] + indentation + "  " + output.join("," + indentation + "  ") + indentation + braces[1];
  }

  /** Long arrays of short entries are laid out in aligned columns. */
  function groupArrayElements(ctx, output, value) {
    var totalLength = 0;
    var maxLength = 0;
    var outputLength = output.length;
    if (outputLength > 0 && output[outputLength - 1].indexOf("... ") === 0 && output[outputLength - 1].indexOf(" more item") > 0) outputLength--;
    var separatorSpace = 2;
    var dataLen = [];
    for (var i = 0; i < outputLength; i++) {
      var len = output[i].length;
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    var actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < BREAK_LENGTH && (totalLength / actualMax > 5 || maxLength <= 6)) {
      var averageBias = Math.sqrt(actualMax - totalLength / output.length);
      var biasedMax = Math.max(actualMax - 3 - averageBias, 1);
      var columns = Math.min(
        Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
        Math.floor((BREAK_LENGTH - ctx.indentationLvl) / actualMax),
        COMPACT * 4,
        15
      );
      if (columns <= 1) return output;
      var maxLineLength = [];
      for (var c = 0; c < columns; c++) {
        var lineMax = 0;
        for (var j = c; j < output.length; j += columns) if (dataLen[j] > lineMax) lineMax = dataLen[j];
        maxLineLength.push(lineMax + separatorSpace);
      }
      var numbers = value !== undefined;
      if (numbers) {
        for (var k = 0; k < output.length; k++) {
          if (typeof value[k] !== "number" && typeof value[k] !== "bigint") {
            numbers = false;
            break;
          }
        }
      }
      var grouped = [];
      for (var row = 0; row < outputLength; row += columns) {
        var max = Math.min(row + columns, outputLength);
        var line = "";
        var m = row;
        for (; m < max - 1; m++) {
          line += numbers ? padStart(output[m] + ", ", maxLineLength[m - row]) : padEnd(output[m] + ", ", maxLineLength[m - row]);
        }
        line += numbers ? padStart(output[m], maxLineLength[m - row] - separatorSpace) : output[m];
        grouped.push(line);
      }
      if (outputLength < output.length) grouped.push(output[outputLength]);
      return grouped;
    }
    return output;
  }

  function inspect(value) {
    return formatValue({ seen: [], circular: [], indentationLvl: 0, currentDepth: 0 }, value, 0);
  }

  // ---- util.format -----------------------------------------------------------

  function format(args) {
    var first = args[0];
    var a = 0;
    var out = "";
    var join = "";
    if (typeof first === "string") {
      if (args.length === 1) return first;
      var lastPos = 0;
      for (var i = 0; i < first.length - 1; i++) {
        if (first.charAt(i) !== "%") continue;
        var next = first.charAt(++i);
        if (a + 1 !== args.length) {
          var piece;
          switch (next) {
            case "s":
              var arg = args[++a];
              piece = typeof arg === "number" ? formatNumber(arg) : typeof arg === "object" && arg !== null ? inspect(arg) : String(arg);
              break;
            case "j":
              piece = JSON.stringify(args[++a]);
              break;
            case "d":
              var n = args[++a];
              piece = typeof n === "symbol" ? "NaN" : formatNumber(Number(n));
              break;
            case "i":
              var integer = args[++a];
              piece = typeof integer === "symbol" ? "NaN" : formatNumber(parseInt(integer, 10));
              break;
            case "f":
              var float = args[++a];
              piece = typeof float === "symbol" ? "NaN" : formatNumber(parseFloat(float));
              break;
            // %o is Node's inspect with hidden properties shown; here it is %O.
            case "o":
            case "O":
              piece = inspect(args[++a]);
              break;
            case "c":
              a++;
              piece = "";
              break;
            case "%":
              out += first.slice(lastPos, i);
              lastPos = i + 1;
              continue;
            default:
              continue;
          }
          if (lastPos !== i - 1) out += first.slice(lastPos, i - 1);
          out += piece;
          lastPos = i + 1;
        } else if (next === "%") {
          out += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
      if (lastPos !== 0) {
        a++;
        join = " ";
        if (lastPos < first.length) out += first.slice(lastPos);
      }
    }
    while (a < args.length) {
      var value = args[a];
      out += join + (typeof value === "string" ? value : inspect(value));
      join = " ";
      a++;
    }
    return out;
  }

  function log() {
    write(format(arguments));
  }

  function ignore() {}

  host.inspect = inspect;
  host.format = function (args) {
    return format(args);
  };
  global.console = { log: log, info: log, debug: log, error: ignore, warn: ignore, trace: ignore };
})(this, __host);
