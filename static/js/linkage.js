// The unduplicated count, in the agency's browser: read the list (a CSV file or typed rows), normalize each name,
// make the match keys, scramble them with HMAC-SHA-256 under a secret derived from the passphrase and the year
// (PBKDF2, WebCrypto), and put only the digests and the row counts in the upload form.
// The rules are those of reports/linkage.py (docs/linkage.md); tests/reports/test_linkage_js.py holds the two
// to the same answers. Nothing here sends, stores or logs a name, a date or the passphrase.
(function () {
  "use strict";

  // Letters NFKD keeps whole (Ø Ł Đ Ð Æ Œ Þ Ħ Ŧ), escaped so that the file reads the same in any encoding.
  var SPECIAL_LETTERS = {
    "\u00d8": "O", "\u0141": "L", "\u0110": "D", "\u00d0": "D", "\u00c6": "AE",
    "\u0152": "OE", "\u00de": "TH", "\u0126": "H", "\u0166": "T",
  };
  var SEX_CODES = { M: "1", MALE: "1", F: "2", FEMALE: "2", X: "3", OTHER: "3" };
  var UNKNOWN_SEX = "9";
  var MAIN_WORD_LETTERS = 4;

  function spelledUpper(text) {
    var upper = text.normalize("NFKD").replace(/\p{M}/gu, "").toUpperCase();
    var out = "";
    for (var ch of upper) {
      out += Object.prototype.hasOwnProperty.call(SPECIAL_LETTERS, ch) ? SPECIAL_LETTERS[ch] : ch;
    }
    return out;
  }

  function normalizeName(text) {
    return text ? spelledUpper(text).replace(/[^A-Z]/g, "") : "";
  }

  function mainFamilyName(text) {
    var words = spelledUpper((text || "").replace(/['\u2019\u2018`\u02bc]/g, "")).match(/[A-Z]+/g) || [];
    for (var i = 0; i < words.length; i++) {
      if (words[i].length >= MAIN_WORD_LETTERS) {
        return words[i];
      }
    }
    return words.join("");
  }

  function normalizeSex(text) {
    var key = (text || "").replace(/^[ \t]+|[ \t]+$/g, "").toUpperCase();
    return Object.prototype.hasOwnProperty.call(SEX_CODES, key) ? SEX_CODES[key] : UNKNOWN_SEX;
  }

  function isDate(year, month, day) {
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    var days = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // the days of that month in a leap year
    if (month === 2) {
      days = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    }
    return day <= days;
  }

  function parseBirth(text) {
    text = text || "";
    var match = /^[ \t]*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})[ \t]*$/.exec(text);
    if (match) {
      var year = Number(match[1]);
      var month = Number(match[2]);
      var day = Number(match[3]);
      if (year >= 1900 && year <= 2100 && isDate(year, month, day)) {
        return { year: year, month: month, day: day };
      }
      return { year: null, month: null, day: null };
    }
    match = /^[ \t]*([0-9]{4})[ \t]*$/.exec(text);
    if (match && Number(match[1]) >= 1900 && Number(match[1]) <= 2100) {
      return { year: Number(match[1]), month: null, day: null };
    }
    return { year: null, month: null, day: null };
  }

  function two(number) {
    return String(number).padStart(2, "0");
  }

  function ddmmyyyy(birth) {
    return two(birth.day) + two(birth.month) + String(birth.year).padStart(4, "0");
  }

  function letters(name, positions) {
    return positions
      .map(function (p) {
        return name.length >= p ? name[p - 1] : "2";
      })
      .join("");
  }

  function fieldsOf(person) {
    return {
      given: normalizeName(person.given),
      family: mainFamilyName(person.family),
      fullFamily: normalizeName(person.family),
      birth: parseBirth(person.birth),
      sex: normalizeSex(person.sex),
    };
  }

  // The keys in the order of reports/linkage.KEYS; null where a field the key needs is missing.
  var KEYS = [
    ["slk581", function (f) {
      if (!(f.given && f.fullFamily && f.birth.day)) return null;
      return letters(f.fullFamily, [2, 3, 5]) + letters(f.given, [2, 3]) + ddmmyyyy(f.birth) + f.sex;
    }],
    ["family_initial_date", function (f) {
      return f.given && f.family && f.birth.day ? f.family + "|" + f.given[0] + "|" + ddmmyyyy(f.birth) : null;
    }],
    ["names_any_order_date", function (f) {
      return f.given && f.family && f.birth.day ? [f.given, f.family].sort().join("|") + "|" + ddmmyyyy(f.birth) : null;
    }],
    ["family_date_sex", function (f) {
      return f.family && f.birth.day && f.sex !== UNKNOWN_SEX ? f.family + "|" + ddmmyyyy(f.birth) + "|" + f.sex : null;
    }],
    ["given_date_sex", function (f) {
      return f.given && f.birth.day && f.sex !== UNKNOWN_SEX ? f.given + "|" + ddmmyyyy(f.birth) + "|" + f.sex : null;
    }],
    ["names_year_month", function (f) {
      return f.given && f.family && f.birth.day
        ? f.given + "|" + f.family + "|" + String(f.birth.year).padStart(4, "0") + two(f.birth.month)
        : null;
    }],
    ["names_date_any_order", function (f) {
      return f.given && f.family && f.birth.day
        ? f.given + "|" + f.family + "|" + [two(f.birth.day), two(f.birth.month)].sort().join("") + String(f.birth.year).padStart(4, "0")
        : null;
    }],
    ["names_year", function (f) {
      return f.given && f.family && f.birth.year ? f.given + "|" + f.family + "|" + String(f.birth.year).padStart(4, "0") : null;
    }],
    ["names", function (f) {
      return f.given && f.family ? f.given + "|" + f.family : null;
    }],
  ];

  function matchKeys(person) {
    var fields = fieldsOf(person);
    return KEYS.map(function (entry) {
      var text = entry[1](fields);
      return text === null ? null : entry[0] + ":" + text;
    });
  }

  var encoder = new TextEncoder();

  async function deriveSecret(passphrase, year, iterations, saltLabel) {
    var material = await crypto.subtle.importKey("raw", encoder.encode(passphrase.normalize("NFC")), "PBKDF2", false, ["deriveBits"]);
    var bits = await crypto.subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt: encoder.encode(saltLabel + ":" + year), iterations: iterations },
      material,
      256
    );
    return crypto.subtle.importKey("raw", bits, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  }

  function hex(buffer) {
    return Array.from(new Uint8Array(buffer), function (byte) {
      return byte.toString(16).padStart(2, "0");
    }).join("");
  }

  async function digestRows(people, secret) {
    var rows = [];
    for (var person of people) {
      var keys = matchKeys(person);
      var row = await Promise.all(
        keys.map(function (key) {
          return key === null ? null : crypto.subtle.sign("HMAC", secret, encoder.encode(key)).then(hex);
        })
      );
      rows.push(row);
    }
    return rows;
  }

  // A small CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF or LF).
  function parseCSV(text) {
    var rows = [];
    var row = [];
    var field = "";
    var quoted = false;
    text = text.replace(/^\uFEFF/, "");
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') {
          quoted = false;
        } else {
          field += ch;
        }
      } else if (ch === '"') {
        quoted = true;
      } else if (ch === ",") {
        row.push(field);
        field = "";
      } else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = "";
      } else {
        field += ch;
      }
    }
    if (field !== "" || row.length) {
      row.push(field);
      rows.push(row);
    }
    return rows.filter(function (cells) {
      return cells.some(function (cell) { return cell.trim() !== ""; });
    });
  }

  var COLUMNS = {
    given: ["given_name", "given", "first_name", "first"],
    family: ["family_name", "family", "last_name", "last", "surname"],
    birth: ["birth_date", "date_of_birth", "dob", "birth"],
    sex: ["sex", "gender"],
  };

  function peopleFrom(rows) {
    if (!rows.length) return [];
    var header = rows[0].map(function (cell) { return cell.trim().toLowerCase().replace(/[\s-]+/g, "_"); });
    var places = { given: 0, family: 1, birth: 2, sex: 3 };
    var hasHeader = false;
    Object.keys(COLUMNS).forEach(function (name) {
      var at = header.findIndex(function (cell) { return COLUMNS[name].indexOf(cell) !== -1; });
      if (at !== -1) {
        places[name] = at;
        hasHeader = true;
      }
    });
    return (hasHeader ? rows.slice(1) : rows).map(function (cells) {
      return {
        given: cells[places.given] || "",
        family: cells[places.family] || "",
        birth: cells[places.birth] || "",
        sex: cells[places.sex] || "",
      };
    });
  }

  function shuffle(items) {
    // The order of a list can say something (by date of intake): the server gets the rows in a random one.
    var random = new Uint32Array(items.length);
    crypto.getRandomValues(random);
    for (var i = items.length - 1; i > 0; i--) {
      var j = random[i] % (i + 1);
      var kept = items[i];
      items[i] = items[j];
      items[j] = kept;
    }
    return items;
  }

  window.TaskforceLinkage = {
    normalizeName: normalizeName,
    mainFamilyName: mainFamilyName,
    normalizeSex: normalizeSex,
    parseBirth: parseBirth,
    matchKeys: matchKeys,
    deriveSecret: deriveSecret,
    digestRows: digestRows,
    parseCSV: parseCSV,
    peopleFrom: peopleFrom,
  };

  function readText(maker) {
    var file = maker.querySelector(".linkage-file").files[0];
    if (file) {
      return file.text();
    }
    return Promise.resolve(maker.querySelector(".linkage-typed").value);
  }

  document.querySelectorAll(".linkage-maker").forEach(function (maker) {
    var form = document.getElementById(maker.dataset.form);
    var status = maker.querySelector(".linkage-status");
    var passphrase = maker.querySelector(".linkage-passphrase");
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      if (!passphrase.value) {
        status.textContent = gettext("Enter the linkage passphrase first.");
        passphrase.focus();
        return;
      }
      var button = form.querySelector("button[type=submit]");
      var submitted = false;
      button.disabled = true;
      try {
        var people = peopleFrom(parseCSV(await readText(maker)));
        if (!people.length) {
          status.textContent = gettext("Choose a CSV file or type at least one row.");
          return;
        }
        if (people.length > Number(maker.dataset.maxRows)) {
          status.textContent = interpolate(gettext("At most %s rows can be uploaded at once."), [maker.dataset.maxRows]);
          return;
        }
        status.textContent = gettext("Making the keys\u2026");
        var secret = await deriveSecret(passphrase.value, maker.dataset.year, Number(maker.dataset.iterations), maker.dataset.saltLabel);
        var rows = await digestRows(people, secret);
        var keyed = shuffle(rows.filter(function (row) { return row.some(function (value) { return value !== null; }); }));
        form.elements.digests.value = JSON.stringify(keyed);
        form.elements.rows.value = String(people.length);
        form.elements.rows_without_keys.value = String(people.length - keyed.length);
        status.textContent = interpolate(gettext("Keys made for %s rows; uploading."), [people.length]);
        submitted = true;
        form.submit();
      } catch (error) {
        status.textContent = gettext("The keys could not be made: check that the file is a CSV of the four columns.");
      } finally {
        button.disabled = submitted;
      }
    });
  });
})();
