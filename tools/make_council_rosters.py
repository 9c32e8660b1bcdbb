"""Writes the fictional rosters of Lister friluftsråd, Romsdal IPR and Nord-Gudbrandsdal
(bylaws/rosters/); run from the repository root. Nobody in them is real."""
import yaml
FIRST = ["Anne","Bjørn","Camilla","Dag","Eli","Frode","Gro","Harald","Ida","Jon","Kari","Lars","Mona","Nils","Oda","Per","Randi","Svein","Tone","Ulf","Vigdis","Åse","Øystein","Hege","Terje","Marit","Geir","Liv","Arne","Siri"]
def roster(prefix, surname, parts, offices, start, end, extra_people=(), extra_holdings=(), note=""):
    people, holdings = [], []
    i = 0
    for p in parts:
        for off in offices:
            pid = f"{prefix}-{p}-{off}"
            people.append({"id": pid, "name": f"{FIRST[i % len(FIRST)]} {surname}", "fictional": True})
            i += 1
            h = {"person": pid, "office": off, "participant": p, "from": start}
            if end: h["to"] = end
            if off in ("bemyndiget", "varamedlem"):
                h["deputy_for"] = f"{prefix}-{p}-{offices[0]}"
            holdings.append(h)
    people += list(extra_people); holdings += list(extra_holdings)
    return {"note": note, "people": people, "holdings": holdings}
def dump(path, header, data):
    with open(path, "w") as f:
        f.write(header)
        yaml.safe_dump(data, f, allow_unicode=True, sort_keys=False, width=110)
lister = ["sirdal","kvinesdal","hagebostad","lyngdal","flekkefjord","farsund"]
dump("bylaws/rosters/lister-friluftsrad.yaml", "# Lister friluftsråd: every person is fictional (the source names nobody).\n",
  roster("lf", "Friluftsen", lister, ["ordforer","bemyndiget"], "2019-10-15", None,
    extra_holdings=[{"person":"lf-lyngdal-ordforer","office":"leder","organ":"representantskapet","from":"2020-01-01"},
                    {"person":"lf-farsund-ordforer","office":"nestleder","organ":"representantskapet","from":"2020-01-01"}],
    note="Alle personer er oppdiktet (fictional: true). Valgperioden fra 2019-10-15 og ledervalget 2020-01-01 er antatt."))
romsdal = ["aukra","hustadvika","molde","rauma","vestnes"]
dump("bylaws/rosters/romsdal-ipr.yaml", "# Romsdal IPR: every person is fictional (the source names nobody).\n",
  roster("rom", "Romsdalsen", romsdal, ["ordforer","varamedlem"], "2019-10-15", None,
    extra_holdings=[{"person":"rom-molde-ordforer","office":"leder","organ":"representantskapet","from":"2020-01-01"},
                    {"person":"rom-rauma-ordforer","office":"nestleder","organ":"representantskapet","from":"2020-01-01"}],
    note="Alle personer er oppdiktet (fictional: true). Valgperioden fra 2019-10-15 og ledervalget 2020-01-01 er antatt."))
ng = ["lesja","dovre","sel","vaga","lom","skjak"]
r = roster("ng", "Dalsen", ng, ["ordforer","varaordforer","opposisjon"], "2015-10-15", None,
    note="Alle personer er oppdiktet (fictional: true), også kjønn og partigruppe. Valgperiodene og "
         "ledervalgene er antatt; se holdings.")
# NG-avtalen § 3 needs gender (both genders per municipality) and the opposition seat's group
FEMALE = {"Anne","Camilla","Eli","Gro","Ida","Kari","Mona","Oda","Randi","Tone","Vigdis","Åse","Hege","Marit","Liv","Siri","Ragnhild"}
for p in r["people"]:
    p["gender"] = "k" if p["name"].split()[0] in FEMALE else "m"
for h in r["holdings"]:
    if h["office"] == "opposisjon":
        h["group"] = "opposisjon"
r["people"] += [{"id": f"ng-ofk-{n}", "name": f"{nm} Fylkesen", "fictional": True, "gender": g}
                for n, nm, g in (("1", "Ragnhild", "k"), ("2", "Torstein", "m"))]
r["holdings"] += [{"person": f"ng-ofk-{n}", "office": "fylkesrepresentant", "participant": "oppland-fk", "from": "2015-10-15", "to": "2019-12-31"} for n in ("1","2")]
r["people"] += [{"id": f"ng-{p}-kommunedirektor", "name": f"{FIRST[(i*7) % len(FIRST)]} Direktørsen", "fictional": True} for i, p in enumerate(ng)]
r["holdings"] += [{"person": f"ng-{p}-kommunedirektor", "office": "kommunedirektor", "participant": p, "from": "2015-10-15"} for p in ng]
r["holdings"] += [
  {"person":"ng-sel-ordforer","office":"leder","organ":"regionradet","from":"2017-01-01","to":"2018-12-31","assumption":{"what":"Leiar 2017–2018 (fiktiv).","why":"Kjelda namngjev ingen leiar."}},
  {"person":"ng-lom-ordforer","office":"nestleder","organ":"regionradet","from":"2017-01-01","to":"2018-12-31"},
  {"person":"ng-lom-ordforer","office":"leder","organ":"regionradet","from":"2019-01-01","to":"2021-02-18","assumption":{"what":"Leiar frå 2019 (fiktiv).","why":"Kjelda namngjev ingen leiar."}},
  {"person":"ng-dovre-ordforer","office":"nestleder","organ":"regionradet","from":"2019-01-01","to":"2021-02-18"},
  {"person":"ng-lom-ordforer","office":"leder","organ":"regionstyret","from":"2021-02-19"},
  {"person":"ng-dovre-ordforer","office":"nestleder","organ":"regionstyret","from":"2021-02-19"},
  {"person":"ng-vaga-kommunedirektor","office":"leder","organ":"kommunedirektorforum","from":"2021-02-19","assumption":{"what":"Leiar av kommunedirektørforum (fiktiv).","why":"Kjelda namngjev ingen."}},
]
dump("bylaws/rosters/nord-gudbrandsdal-2016.yaml", "# Nord-Gudbrandsdal regionråd 2016: every person is fictional (the source names nobody).\n", r)
# split NG roster by document
import copy
r2016 = copy.deepcopy(r); r2016["holdings"] = [h for h in r["holdings"] if h.get("organ") not in ("regionstyret","kommunedirektorforum") and h["office"] != "kommunedirektor"]
r2016["people"] = [p for p in r["people"] if not p["id"].endswith("kommunedirektor")]
for h in r2016["holdings"]:
    if h.get("to") == "2021-02-18": h["to"] = "2019-12-31"
    if "to" not in h and h["office"] in ("ordforer","varaordforer","opposisjon"): h["to"] = "2019-12-31"
dump("bylaws/rosters/nord-gudbrandsdal-2016.yaml", "# Nord-Gudbrandsdal regionråd 2016: every person is fictional (the source names nobody).\n", r2016)
r2021 = {"note": r["note"], "people": [p for p in r["people"] if not p["id"].startswith("ng-ofk") and not p["id"].endswith("opposisjon")],
  "holdings": [{k: v for k, v in dict(h, **{"from": "2019-10-15"}).items() if k != "to"} for h in r["holdings"] if h["office"] in ("ordforer","varaordforer","kommunedirektor") and not h.get("organ")]
              + [h for h in r["holdings"] if h.get("organ") in ("regionstyret","kommunedirektorforum")]}
dump("bylaws/rosters/nord-gudbrandsdal-ipr-2021.yaml", "# Nord-Gudbrandsdal IPR 2021: every person is fictional (the source names nobody).\n", r2021)
