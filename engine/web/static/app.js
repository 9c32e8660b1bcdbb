// The meeting composer. The page's state IS a scenario (the keys of a scenario file); the form
// edits it, the server judges it (POST /api/check, the same function as `vedtekt check`).
// Keys the form does not show (roster, expected, from_case …) are kept as they are.
"use strict";
(function () {
  const T = JSON.parse(document.getElementById("catalogue").textContent);
  const LANG = document.documentElement.lang;
  const $ = (id) => document.getElementById(id);
  let councils = [], sitting = null, sc = null, rules = null, timer = null, seq = 0;

  // -- small DOM helpers (textContent only: user text is never parsed as HTML) ----------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat(Infinity)) if (c !== null && c !== undefined) node.append(c);
    return node;
  }
  function option(value, label, selected) {
    return el("option", { value, selected: selected ? true : null, text: label });
  }
  function select(id, label, options, onchange) {
    return el("div", { class: "field" }, el("label", { for: id, text: label }),
      el("select", { id, onchange }, options));
  }
  function say(text) { $("status").textContent = text; }
  async function api(path, opts) {
    const sep = path.includes("?") ? "&" : "?";
    const res = await fetch(path + sep + "lang=" + LANG, opts);
    const type = res.headers.get("content-type") || "";
    const body = type.includes("json") ? await res.json() : await res.text();
    if (!res.ok) throw new Error(body.error || String(body));
    return body;
  }
  const postJSON = (path, data) => api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(data) });

  // -- people in the sitting ------------------------------------------------------------------
  function members() { return sitting ? sitting.members.flatMap((g) => g.members) : []; }
  function everyone() {
    if (!sitting) return [];
    const seen = new Map();
    const add = (p, what) => { if (!seen.has(p.person)) seen.set(p.person, { person: p.person, name: p.name, what }); };
    members().forEach((m) => { add(m, m.role); (m.deputies ? m.deputies.people : []).forEach((d) => add(d, T.substitute)); });
    sitting.advisers.forEach((p) => add(p, p.role));
    sitting.observers.forEach((p) => add(p, p.role));
    sitting.others.forEach((p) => add(p, p.office));
    return [...seen.values()];
  }
  function nameOf(pid) { const p = everyone().find((x) => x.person === pid); return p ? p.name : pid; }
  function personOptions(chosen, first) {
    const opts = [option("", first || T.unknown, !chosen)];
    const present = presentIds();
    const people = everyone();
    const here = el("optgroup", { label: T.present }), rest = el("optgroup", { label: T.others });
    people.forEach((p) => (present.includes(p.person) ? here : rest).append(option(p.person, p.name + " (" + p.person + ")", p.person === chosen)));
    if (chosen && !people.some((p) => p.person === chosen)) rest.append(option(chosen, chosen, true));
    return [opts, here, rest];
  }
  function organOptions(chosen) {
    return [option("", T.unknown, !chosen), ...(sitting ? sitting.organs : []).map((o) => option(o.id, o.name, o.id === chosen))];
  }

  // -- the scenario -----------------------------------------------------------------------------
  function newMeeting() {
    const seated = members().concat(sitting.advisers);
    const leader = sitting.leader && sitting.leader.person;
    sc = { name: sitting.organ.name + " " + sitting.date, organ: sitting.organ.id, date: sitting.date,
      attendance: seated.map((m) => ({ person: m.person })), cases: [] };
    if (leader && seated.some((m) => m.person === leader)) sc.chair = leader;
  }
  function presentIds() { return [...new Set((sc ? sc.attendance : []).map((a) => a.person))]; }
  function isPresent(pid) { return sc.attendance.some((a) => a.person === pid && !a.for); }
  function substituteFor(pid) { const a = sc.attendance.find((x) => x.for === pid); return a ? a.person : ""; }
  function setPresent(pid, on) {
    sc.attendance = sc.attendance.filter((a) => !(a.person === pid && !a.for));
    if (on) sc.attendance.push({ person: pid });
  }
  function setSubstitute(pid, deputy) {
    sc.attendance = sc.attendance.filter((a) => a.for !== pid);
    if (deputy) sc.attendance.push({ person: deputy, for: pid });
  }
  function cleaned() {
    const out = JSON.parse(JSON.stringify(sc));
    for (const k of ["description", "chair"]) if (!out[k]) delete out[k];
    if (!out.chair_elected) delete out.chair_elected;
    if (out.convening) {
      for (const k of Object.keys(out.convening)) if (!out.convening[k] || (Array.isArray(out.convening[k]) && !out.convening[k].length)) delete out.convening[k];
      if (!Object.keys(out.convening).length) delete out.convening;
    }
    for (const c of out.cases || []) {
      if (!c.title) delete c.title;
      if (c.on_agenda !== false) delete c.on_agenda;
      for (const k of ["inhabil", "objections", "proposals"]) if (c[k] && !c[k].length) delete c[k];
      if (c.innstilling && !c.innstilling.organ) delete c.innstilling;
      if (c.votes) {
        for (const k of ["for", "against", "blank"]) if (c.votes[k] && !c.votes[k].length) delete c.votes[k];
        if (!Object.keys(c.votes).length) delete c.votes;
      }
    }
    if (out.cases && !out.cases.length) delete out.cases;
    return out;
  }
  function changed() { render(); clearTimeout(timer); timer = setTimeout(check, 120); }

  // -- rendering ------------------------------------------------------------------------------
  function render() {
    const focused = document.activeElement && document.activeElement.id;
    renderAttendance(); renderChairing(); renderCases();
    $("s-name").value = sc.name || ""; $("s-description").value = sc.description || "";
    if (focused && $(focused)) $(focused).focus();
  }
  function rightsText(p) { return p.rights.map((r) => T[r]).join(", "); }
  function renderSitting() {
    const box = $("sitting"); box.replaceChildren();
    const lead = (key) => { const l = sitting[key]; return el("p", {}, el("strong", { text: T[key] + ": " }),
      l ? (l.name || l.participant) + (l.person ? " (" + l.person + ")" : "") + " – " + (l.citation || "") : T.none); };
    box.append(lead("leader"), lead("vice"));
    const table = el("table", { class: "sitting" }, el("thead", {}, el("tr", {},
      el("th", { scope: "col", text: T.members }), el("th", { scope: "col", text: T.rights }), el("th", { scope: "col", text: T.deputies }))));
    const body = el("tbody");
    for (const g of sitting.members) {
      body.append(el("tr", { class: "group" }, el("th", { colspan: "3", scope: "rowgroup", text: g.name || "–" })));
      for (const m of g.members) {
        const d = m.deputies;
        const deputies = d ? el("div", {}, el("span", { class: "muted", text: T[d.kind] + " (" + d.citation + "): " }),
          d.people.length ? el("ol", {}, d.people.map((p) => el("li", { text: p.name + " (" + p.person + ")" }))) : T.none) : "–";
        body.append(el("tr", {}, el("td", {}, el("span", { text: m.name }), el("br"), el("small", { text: m.role + " · " + m.person })),
          el("td", { text: rightsText(m) + " (" + m.citation + ")" }), el("td", {}, deputies)));
      }
    }
    table.append(body);
    box.append(el("div", { class: "scroll" }, table));
    for (const key of ["observers", "advisers"]) {
      if (!sitting[key].length) continue;
      box.append(el("h3", { text: T[key] }), el("ul", {}, sitting[key].map((p) =>
        el("li", { text: p.name + " (" + p.person + ") – " + p.role + ": " + rightsText(p) + " (" + p.citation + ")" }))));
    }
  }
  function renderAttendance() {
    const box = $("attendance"); box.replaceChildren();
    const table = el("table", { class: "attendance" }, el("thead", {}, el("tr", {},
      el("th", { scope: "col", text: T.person }), el("th", { scope: "col", text: T.attendance }), el("th", { scope: "col", text: T.substitute }))));
    const body = el("tbody");
    members().forEach((m, i) => {
      const sid = "att-" + i, did = "sub-" + i;
      const status = el("select", { id: sid, "aria-label": m.name + ": " + T.attendance, onchange: (e) => { setPresent(m.person, e.target.value === "present"); changed(); } },
        option("present", T.present, isPresent(m.person)), option("absent", T.absent, !isPresent(m.person)));
      let sub = "–";
      if (m.deputies) {
        const lawful = m.deputies.people.map((p) => p.person);
        const chosen = substituteFor(m.person);
        const others = everyone().filter((p) => !lawful.includes(p.person) && p.person !== m.person);
        sub = el("select", { id: did, "aria-label": m.name + ": " + T.substitute, onchange: (e) => { setSubstitute(m.person, e.target.value); changed(); } },
          option("", T.no_substitute, !chosen),
          el("optgroup", { label: T.lawful }, m.deputies.people.map((p) => option(p.person, (p.number ? p.number + ". " : "") + p.name, p.person === chosen))),
          el("optgroup", { label: T.others }, others.map((p) => option(p.person, p.name + " (" + p.person + ")", p.person === chosen))));
      }
      body.append(el("tr", {}, el("td", {}, el("span", { text: m.name }), el("br"), el("small", { text: m.role })), el("td", {}, status), el("td", {}, sub)));
    });
    const rest = sitting.advisers.concat(sitting.observers);
    rest.forEach((p, i) => {
      const id = "att-x-" + i;
      body.append(el("tr", {}, el("td", {}, el("label", { for: id, text: p.name }), el("br"), el("small", { text: p.role })),
        el("td", {}, el("input", { type: "checkbox", id, checked: isPresent(p.person), onchange: (e) => { setPresent(p.person, e.target.checked); changed(); } }),
          el("span", { text: " " + T.present })), el("td", { text: "–" })));
    });
    const known = new Set(members().concat(rest).map((p) => p.person));
    sc.attendance.forEach((a, i) => {
      if (a.for || known.has(a.person)) return;
      body.append(el("tr", {}, el("td", { text: nameOf(a.person) + " (" + a.person + ")" }), el("td", { text: T.present }),
        el("td", {}, el("button", { type: "button", id: "rm-att-" + i, onclick: () => { sc.attendance.splice(i, 1); changed(); } }, T.remove + " " + nameOf(a.person)))));
    });
    table.append(body);
    box.append(el("div", { class: "scroll" }, table));
    const pick = el("select", { id: "extra-person" }, option("", "–"), sitting.others.concat(sitting.observers).map((p) => option(p.person, p.name + " (" + p.person + ")")));
    box.append(el("div", { class: "row" }, el("div", { class: "field" }, el("label", { for: "extra-person", text: T.extra_person }), pick),
      el("button", { type: "button", id: "add-extra", onclick: () => { const v = $("extra-person").value; if (v) { sc.attendance.push({ person: v }); changed(); } } }, T.add)));
  }
  function renderChairing() {
    const box = $("chairing"); box.replaceChildren();
    sc.convening = sc.convening || {};
    const conv = sc.convening;
    box.append(el("div", { class: "row" },
      select("chair", T.chair, personOptions(sc.chair), (e) => { sc.chair = e.target.value || null; changed(); }),
      el("div", { class: "field check" }, el("input", { type: "checkbox", id: "chair-elected", checked: !!sc.chair_elected, onchange: (e) => { sc.chair_elected = e.target.checked; changed(); } }),
        el("label", { for: "chair-elected", text: T.chair_elected }))));
    box.append(el("h3", { text: T.convening }), el("div", { class: "row" },
      select("conv-by", T.convened_by, personOptions(conv.by), (e) => { conv.by = e.target.value || null; changed(); }),
      el("div", { class: "field" }, el("label", { for: "conv-notice", text: T.notice_date }),
        el("input", { type: "date", id: "conv-notice", value: conv.notice_date || "", onchange: (e) => { conv.notice_date = e.target.value || null; changed(); } })),
      select("conv-innst", T.innstilling_from, organOptions(conv.innstilling && conv.innstilling.organ), (e) => { conv.innstilling = e.target.value ? { organ: e.target.value } : null; changed(); }),
      select("conv-agenda", T.agenda_approved_by, organOptions(conv.agenda_approved_by), (e) => { conv.agenda_approved_by = e.target.value || null; changed(); })));
  }
  function setVote(c, pid, value) {
    c.votes = c.votes || {};
    for (const k of ["for", "against", "blank"]) c.votes[k] = (c.votes[k] || []).filter((p) => p !== pid);
    if (value) c.votes[value].push(pid);
  }
  function voteOf(c, pid) {
    for (const k of ["for", "against", "blank"]) if (c.votes && (c.votes[k] || []).includes(pid)) return k;
    return "";
  }
  function toggle(list, pid, on) { const rest = (list || []).filter((p) => p !== pid); if (on) rest.push(pid); return rest; }
  function voters() {
    const ids = presentIds();
    const canVote = new Set(members().filter((m) => m.rights.includes("vote")).map((m) => m.person));
    sc.attendance.forEach((a) => { if (a.for && canVote.has(a.for)) canVote.add(a.person); });
    return ids.filter((p) => canVote.has(p));
  }
  function renderCases() {
    const box = $("cases"); box.replaceChildren();
    sc.cases = sc.cases || [];
    sc.cases.forEach((c, ci) => {
      const p = "c" + ci + "-";
      // the kinds this organ may decide first; the rest (wrong-organ) after them
      const all = sitting ? sitting.case_kinds : [];
      const kinds = [all.filter((k) => k.decided_here).map((k) => option(k.id, k.label, k.id === c.kind)),
        el("optgroup", { label: T.others }, all.filter((k) => !k.decided_here).map((k) => option(k.id, k.label, k.id === c.kind)))];
      const fs = el("fieldset", { class: "case" }, el("legend", { text: T.case + " " + c.id + (c.title ? " – " + c.title : "") }));
      fs.append(el("div", { class: "row" },
        el("div", { class: "field" }, el("label", { for: p + "id", text: T.case_id }), el("input", { id: p + "id", type: "text", value: c.id, size: "8", onchange: (e) => { c.id = e.target.value; changed(); } })),
        el("div", { class: "field grow" }, el("label", { for: p + "title", text: T.case_title }), el("input", { id: p + "title", type: "text", value: c.title || "", onchange: (e) => { c.title = e.target.value; changed(); } })),
        select(p + "kind", T.case_kind, kinds, (e) => { c.kind = e.target.value; changed(); }),
        select(p + "innst", T.innstilling, organOptions(c.innstilling && c.innstilling.organ), (e) => { c.innstilling = e.target.value ? { organ: e.target.value } : null; changed(); }),
        el("div", { class: "field check" }, el("input", { id: p + "agenda", type: "checkbox", checked: c.on_agenda !== false, onchange: (e) => { c.on_agenda = e.target.checked; changed(); } }),
          el("label", { for: p + "agenda", text: T.on_agenda })),
        el("button", { type: "button", id: p + "remove", onclick: () => { sc.cases.splice(ci, 1); changed(); } }, T.remove)));
      const head = el("tr", {}, el("th", { scope: "col", text: T.person }), el("th", { scope: "col", text: T.tally }),
        el("th", { scope: "col", text: T.inhabil }), el("th", { scope: "col", text: T.proposal }),
        c.on_agenda === false ? el("th", { scope: "col", text: T.objection }) : null);
      const body = el("tbody");
      const people = [...new Set(presentIds().concat(c.votes ? [].concat(c.votes.for || [], c.votes.against || [], c.votes.blank || []) : []))];
      people.forEach((pid, pi) => {
        const name = nameOf(pid), v = voteOf(c, pid), q = p + "p" + pi + "-";
        const radios = el("div", { class: "votes", role: "radiogroup", "aria-label": name }, [["", T.vote_none], ["for", T.vote_for], ["against", T.vote_against], ["blank", T.vote_blank]].map(([val, label]) =>
          el("label", { class: "pill" }, el("input", { type: "radio", id: q + (val || "none"), name: q + "vote", value: val, checked: v === val, "aria-label": name + ": " + label,
            onchange: () => { setVote(c, pid, val); changed(); } }), el("span", { text: label }))));
        const box = (key, label, list, set) => el("td", {}, el("input", { type: "checkbox", id: q + key, "aria-label": name + ": " + label, checked: (list || []).includes(pid), onchange: (e) => { set(e.target.checked); changed(); } }));
        body.append(el("tr", {}, el("td", { text: name }), el("td", {}, radios),
          box("inhabil", T.inhabil, c.inhabil, (on) => { c.inhabil = toggle(c.inhabil, pid, on); }),
          box("proposal", T.proposal, (c.proposals || []).map((x) => x.by), (on) => { c.proposals = (c.proposals || []).filter((x) => x.by !== pid); if (on) c.proposals.push({ by: pid }); }),
          c.on_agenda === false ? box("objection", T.objection, c.objections, (on) => { c.objections = toggle(c.objections, pid, on); }) : null));
      });
      fs.append(el("div", { class: "scroll" }, el("table", { class: "votes-table" }, el("thead", {}, head), body)));
      const count = (k, label) => el("div", { class: "field" }, el("label", { for: p + "n-" + k, text: label }), el("input", { id: p + "n-" + k, type: "number", min: "0", value: "0", size: "3" }));
      fs.append(el("details", {}, el("summary", { text: T.counts }), el("div", { class: "row" },
        count("for", T.count_for), count("against", T.count_against), count("blank", T.count_blank),
        el("button", { type: "button", id: p + "apply", onclick: () => applyCounts(c, p) }, T.apply_counts))));
      box.append(fs);
    });
  }
  function applyCounts(c, p) {
    // the counts are given to the present voting members in the sitting's order (a lawful choice)
    const n = (k) => Math.max(0, parseInt($(p + "n-" + k).value, 10) || 0);
    const order = voters();
    c.votes = { for: [], against: [], blank: [] };
    let i = 0;
    for (const k of ["for", "against", "blank"]) for (let j = 0; j < n(k) && i < order.length; j++) c.votes[k].push(order[i++]);
    changed();
  }

  // -- the verdict ---------------------------------------------------------------------------
  async function check() {
    const mine = ++seq;
    $("verdict").setAttribute("aria-busy", "true");
    try {
      const v = await postJSON("/api/check", cleaned());
      if (mine === seq) renderVerdict(v);
    } catch (e) {
      if (mine === seq) $("verdict").replaceChildren(el("div", { class: "problem", role: "alert" }, el("strong", { text: T.error_title + ": " }), el("span", { text: e.message })));
    } finally { if (mine === seq) $("verdict").setAttribute("aria-busy", "false"); }
  }
  function quoteOf(f) {
    if (f.quote) return f.quote;  // the cited clause's words, from the data (issue 13)
    const r = rules && rules[f.rule];
    if (!r) return null;
    const b = (r.bylaws || []).find((x) => x.quote && f.citation.includes(x.citation));
    if (b) return b.quote;
    return r.statute && f.citation.includes(r.statute.citation.split(" ")[0]) ? r.statute.text : null;
  }
  function renderVerdict(v) {
    const out = $("verdict"); out.replaceChildren();
    out.append(el("p", { id: "verdict-word", class: "badge " + (v.valid ? "ok" : "bad") }, (v.valid ? "✔ " : "✘ ") + (v.valid ? T.valid : T.invalid)));
    out.append(el("p", { class: "muted", text: v.bylaws }));
    if (v.cases.length) {
      const rows = v.cases.map((c) => el("tr", { "data-case": c.id }, el("th", { scope: "row", text: c.id }), el("td", { text: T[c.outcome] + (c.decision_status ? " (" + (T.decision[c.decision_status] || c.decision_status) + ")" : "") }),
        el("td", { text: c.votes.for + " / " + c.votes.against + " / " + c.votes.blank + " / " + c.votes.rejected })));
      out.append(el("div", { class: "scroll" }, el("table", { id: "case-results" }, el("thead", {}, el("tr", {}, el("th", { scope: "col", text: T.case_id }), el("th", { scope: "col", text: T.outcome }),
        el("th", { scope: "col", text: T.vote_for + " / " + T.vote_against + " / " + T.vote_blank + " / " + T.rejected_votes }))), el("tbody", {}, rows))));
    }
    out.append(el("h3", { text: T.findings }));
    if (!v.findings.length) out.append(el("p", { text: T.no_findings }));
    const list = el("ul", { class: "findings" });
    for (const f of v.findings) {
      const quote = quoteOf(f);
      list.append(el("li", { class: "finding " + f.severity, "data-rule": f.rule },
        el("p", {}, el("span", { class: "sev", text: "[" + T[f.severity].toUpperCase() + "] " }), el("code", { text: f.rule }), f.case ? " (" + f.case + ")" : "", ": ", f.message),
        el("p", { class: "meta" }, el("span", { text: T.citation + ": " + f.citation }), f.layer ? el("span", { text: " · " + T.layer + ": " + (T.layers[f.layer] || f.layer) }) : null,
          f.effect ? el("span", { text: " · " + T.effect + ": " + (T[f.effect] || f.effect) }) : null),
        quote ? el("details", {}, el("summary", { text: T.quote }), el("blockquote", { text: quote })) : null));
    }
    out.append(list);
    if (v.assumptions.length) out.append(el("details", {}, el("summary", { text: T.assumptions }), el("ul", {}, v.assumptions.map((a) => el("li", { text: a })))));
  }

  // -- loading and saving ----------------------------------------------------------------------
  function fillPickers() {
    const c = $("council"); c.replaceChildren(...councils.map((x) => option(x.id, x.id)));
    fillOrgans();
  }
  function fillOrgans() {
    const council = councils.find((x) => x.id === $("council").value) || councils[0];
    const seen = new Set(), opts = [];
    for (const d of council ? council.documents : []) for (const o of d.organs) if (!seen.has(o.id)) { seen.add(o.id); opts.push(option(o.id, o.name + " (" + o.id + ")")); }
    $("organ").replaceChildren(...opts);
  }
  async function loadSitting(organ, date, council) {
    sitting = await api("/api/sitting?organ=" + encodeURIComponent(organ) + "&date=" + encodeURIComponent(date) + (council ? "&council=" + encodeURIComponent(council) : ""));
    renderSitting();
  }
  async function pick(ev) {
    if (ev) ev.preventDefault();
    try {
      // the same organ on another date keeps the meeting being edited («Nytt møte» starts afresh)
      const keep = sc && sc.organ === $("organ").value;
      await loadSitting($("organ").value, $("date").value, $("council").value);
      if (keep) sc.date = sitting.date; else newMeeting();
      changed(); say("");
    } catch (e) { say(e.message); }
  }
  async function openScenario(data) {
    const council = councils.find((c) => c.documents.some((d) => d.organs.some((o) => o.id === data.organ)));
    if (council) { $("council").value = council.id; fillOrgans(); }
    $("organ").value = data.organ; $("date").value = data.date;
    await loadSitting(data.organ, data.date, data.council || (council && council.id));
    sc = data; sc.attendance = sc.attendance || []; sc.cases = sc.cases || [];
    changed();
  }
  function fileName() {
    return ((sc.name || "mote").normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").toLowerCase() || "mote") + ".yaml";
  }
  async function download() {
    try {
      const text = await postJSON("/api/yaml", cleaned());
      const a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/yaml" })), download: fileName() });
      document.body.append(a); a.click(); a.remove();
    } catch (e) { say(e.message); }
  }
  async function save() {
    try {
      const text = await postJSON("/api/yaml", cleaned());
      const name = $("meeting-file").value;
      await api("/api/meetings/" + encodeURIComponent(name), { method: "PUT", headers: { "content-type": "application/yaml" }, body: text });
      say(T.saved + ": " + name); listMeetings();
    } catch (e) { say(e.message); }
  }
  async function listMeetings() {
    if (!$("meetings")) return;
    const items = await api("/api/meetings");
    $("meetings").replaceChildren(...items.map((m, i) => el("li", {},
      el("button", { type: "button", id: "meeting-" + i, onclick: async () => { try { await openScenario(await api("/api/parse", { method: "POST", body: await api("/api/meetings/" + encodeURIComponent(m.name)) })); $("meeting-file").value = m.name; } catch (e) { say(e.message); } } }, T.open + " " + m.name),
      el("span", { class: "badge " + (m.valid ? "ok" : "bad"), text: " " + (m.valid === null ? "?" : m.valid ? "✔ " + T.valid : "✘ " + T.invalid) }),
      el("span", { text: " " + (m.title || m.error || "") }))));
  }

  // -- start ------------------------------------------------------------------------------------
  async function start() {
    $("pick").addEventListener("submit", pick);
    $("council").addEventListener("change", fillOrgans);
    $("new").addEventListener("click", () => { if (sitting) { newMeeting(); changed(); } });
    $("download").addEventListener("click", download);
    if ($("save")) $("save").addEventListener("click", save);
    $("add-case").addEventListener("click", () => {
      const n = String((sc.cases || []).length + 1).padStart(2, "0");
      const kind = sitting.case_kinds.find((k) => k.id === "ordinary") || sitting.case_kinds[0];
      const added = { id: n, kind: kind ? kind.id : "ordinary", votes: { for: [], against: [], blank: [] } };
      // the lawful choice first: the innstilling the competence asks for (it can be removed)
      if (kind && kind.needs_innstilling_from) added.innstilling = { organ: kind.needs_innstilling_from };
      sc.cases.push(added);
      changed(); const f = $("c" + (sc.cases.length - 1) + "-id"); if (f) f.focus();
    });
    $("s-name").addEventListener("change", (e) => { sc.name = e.target.value; changed(); });
    $("s-description").addEventListener("change", (e) => { sc.description = e.target.value; changed(); });
    $("open-file").addEventListener("change", async (e) => {
      const file = e.target.files[0]; if (!file) return;
      try { await openScenario(await api("/api/parse", { method: "POST", headers: { "content-type": "application/yaml" }, body: await file.text() })); say(file.name); }
      catch (err) { say(err.message); }
      e.target.value = "";
    });
    $("lang-switch").addEventListener("click", () => { if (sc) sessionStorage.setItem("vedtekt-scenario", JSON.stringify(sc)); });
    councils = await api("/api/councils");
    fillPickers();
    api("/api/rules").then((r) => { rules = r; });
    const kept = sessionStorage.getItem("vedtekt-scenario");
    sessionStorage.removeItem("vedtekt-scenario");
    if (kept) await openScenario(JSON.parse(kept));
    else {  // the council and organ the server chose from the data (the default council's working organ)
      if ($("council").dataset.default) { $("council").value = $("council").dataset.default; fillOrgans(); }
      if ($("organ").dataset.default) $("organ").value = $("organ").dataset.default;
      await pick();
    }
    listMeetings().catch((e) => say(e.message));
  }
  start().catch((e) => say(e.message));
})();
