#!/usr/bin/env python3
"""specgen: independent test-data generator for padan, written from the specification alone.

Writes the four extracts of shared/spec/extracts.md (dukcapil_*, pkh_*, pbi_*, kip_*) for a
synthetic population of families, with the error families of domain.md's catalogue, and a
ground truth truth.csv in the format `padan score --truth` reads.

Standard library only.  Same options give the same bytes.
"""
import argparse
import bisect
import csv
import gc
import datetime as dt
import io
import os
import random
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# ----------------------------------------------------------------------------------------
# profiles: rates are per program row unless said otherwise (chosen from the domain text,
# "hard" is several times "easy" plus collisions that only hard sets plant on purpose)
# ----------------------------------------------------------------------------------------
EASY = dict(
    # NIK family (one per row at most)
    nik_blank=0.010, nik_placeholder=0.005, nik_excel=0.004, nik_apos_space=0.012,
    nik_len15=0.002, nik_len17=0.002, nik_one_digit=0.006, nik_adj_swap=0.004,
    nik_kk=0.008, nik_parent=0.020,  # nik_parent: of child rows with a parent in the family
    nik_other=0.0015, nik_hit_other=0.0,
    # name family (independent, at most two per row)
    name_case=0.02, name_spacing=0.015, name_punct=0.01, name_title=0.012, name_alm=0.25,
    name_bin=0.008, name_muh=0.3, name_initial=0.004, name_old_spelling=0.006,
    name_typo=0.015, name_trunc=0.004, name_tok_missing=0.006, name_tok_extra=0.004,
    name_tok_order=0.008,
    # birth date family (one per row at most)
    date_swap=0.003, date_year_off=0.005, date_placeholder=0.004, date_blank=0.002,
    date_impossible=0.0015,
    sex_wrong=0.003,
    region_moved=0.008, region_old_code=0.05,
    dup=0.006,
    # person-level
    not_in_registry=0.012, notreg_newborn=0.10, deceased_listed=0.25, death_after_asof=0.0,
    reg_placeholder_date=0.10, reg_nik_date_disagree=0.01, reg_moved=0.06,
    namesake=0.005, twins=0.01, no_kk_blank=0.02,
    # file level: one damaged row per this many rows (at least one per file)
    damage_every=4000, blank_lines=2, file_faults=False,
)
HARD = dict(EASY)
HARD.update(
    nik_blank=0.035, nik_placeholder=0.018, nik_excel=0.015, nik_apos_space=0.035,
    nik_len15=0.007, nik_len17=0.007, nik_one_digit=0.020, nik_adj_swap=0.014,
    nik_kk=0.030, nik_parent=0.08, nik_other=0.006, nik_hit_other=0.006,
    name_case=0.06, name_spacing=0.05, name_punct=0.035, name_title=0.04, name_alm=0.6,
    name_bin=0.03, name_muh=0.6, name_initial=0.015, name_old_spelling=0.02,
    name_typo=0.05, name_trunc=0.015, name_tok_missing=0.02, name_tok_extra=0.015,
    name_tok_order=0.03,
    date_swap=0.010, date_year_off=0.018, date_placeholder=0.014, date_blank=0.008,
    date_impossible=0.005,
    sex_wrong=0.010,
    region_moved=0.03, region_old_code=0.30,
    dup=0.025,
    not_in_registry=0.045, notreg_newborn=0.35, deceased_listed=0.7, death_after_asof=0.03,
    reg_placeholder_date=0.25, reg_nik_date_disagree=0.03, reg_moved=0.12,
    namesake=0.04, twins=0.04, no_kk_blank=0.06,
    damage_every=700, blank_lines=8, file_faults=True,
)
PROFILES = {"easy": EASY, "hard": HARD}

PER_KEC_DENSITY1 = 9500  # persons per NIK kecamatan code at --density 1 (4 ~ national average)

PLACEHOLDER_NIKS = ["-", "0", "0000000000000000"]
TITLE_PREFIX_M = ["H.", "KH.", "DRS.", "IR.", "DR."]
TITLE_PREFIX_F = ["HJ.", "DRA.", "IR.", "DR."]
TITLE_SUFFIX = [", S.PD.", ", S.E.", ", S.H.", ", S.KOM.", ", M.PD.", ", A.MD.", " AMK", ", S.PD", " S.SOS"]
MUH_FORMS = ["MUHAMMAD", "MUHAMAD", "MOHAMMAD", "MOHAMAD", "MOCHAMMAD", "MOCH", "MOH", "MUH", "M."]
APOS_NAMES_M = ["MA'RUF", "SYAFI'I", "NU'MAN", "RUBA'I", "MA'MUN"]
APOS_NAMES_F = ["NUR'AINI", "MAR'ATUS", "ZULA'IKHA"]
RELIGIONS = [("ISLAM", 0.86), ("KRISTEN", 0.07), ("KATHOLIK", 0.03), ("HINDU", 0.02), ("BUDHA", 0.01),
             ("KONGHUCU", 0.01)]
STREETS = ["MAWAR", "MELATI", "KENANGA", "MERDEKA", "SUDIRMAN", "DIPONEGORO", "KARTINI", "PAHLAWAN",
           "SEMANGKA", "CEMPAKA", "FLAMBOYAN", "NANGKA", "DURIAN", "RAYA", "MASJID", "PASAR"]
ROMAN = ["I", "II", "III", "IV"]
PKH_AMOUNT = {"BUMIL": 750000, "AUD": 750000, "SD": 225000, "SMP": 375000, "SMA": 500000,
              "LANSIA": 600000, "DISABILITAS": 600000, "": 0}
KIP_AMOUNT = {"SD": 450000, "SMP": 750000, "SMA": 1000000, "SMK": 1000000}
# today's spelling -> the old (pre-1972 / pre-1947) spelling still seen on documents
OLD_SPELLING = [(re.compile(a), b) for a, b in (
    (r"U", "OE"), (r"(?<![TDNSJ])J(?!Y)", "DJ"), (r"C(?!H)", "TJ"), (r"(?<![NS])Y", "J"),
    (r"NY", "NJ"), (r"SY", "SJ"), (r"KH", "CH"))]
DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class World:
    """Reference data: regions and names."""

    def __init__(self, data_dir):
        w = os.path.join(data_dir, "wilayah")
        n = os.path.join(data_dir, "names")
        self.provinces = {r["code"]: r["name"] for r in read_csv(os.path.join(w, "provinces.csv"))}
        self.regencies = {r["code"]: r["name"] for r in read_csv(os.path.join(w, "regencies.csv"))}
        self.districts = {}
        self.reg_districts = {}
        for r in read_csv(os.path.join(w, "districts.csv")):
            self.districts[r["code"]] = r["name"]
            self.reg_districts.setdefault(r["regency_code"], []).append(r["code"])
        self.villages = {}
        for r in read_csv(os.path.join(w, "villages.csv")):
            self.villages.setdefault(r["district_code"], []).append(r["code"])
        self.district_list = sorted(self.districts)
        # retired kecamatan codes (pemekaran) mapped to the current code of the same name
        by_name = {}
        for code, name in self.districts.items():
            by_name.setdefault((code[:2] in ("92", "93", "94", "95", "96", "91"), name.strip().upper()), []).append(code)
        self.new_to_old = {}
        for r in read_csv(os.path.join(w, "districts_history.csv")):
            if r["in_current"] == "false":
                cands = by_name.get((True, r["name"].strip().upper()), [])
                cands = [c for c in cands if c[:2] != r["code"][:2]]
                if len(cands) == 1 and cands[0] not in self.new_to_old:
                    self.new_to_old[cands[0]] = r["code"]
        self.old_to_new = {v: k for k, v in self.new_to_old.items()}
        g = read_csv(os.path.join(n, "given_names.csv"))
        f = read_csv(os.path.join(n, "family_names.csv"))
        up = lambda s: s.strip().upper()
        self.given = {"L": sorted({up(r["name"]) for r in g if r["gender"] in ("M", "U")}),
                      "P": sorted({up(r["name"]) for r in g if r["gender"] in ("F", "U")})}
        self.family = {"L": sorted({up(r["name"]) for r in f if r["gender"] in ("M", "U")}),
                       "P": sorted({up(r["name"]) for r in f if r["gender"] in ("F", "U")})}
        t = read_csv(os.path.join(n, "name_titles.csv"))
        self.prefix = {"L": TITLE_PREFIX_M + sorted({up(r["value"]) for r in t if r["kind"] == "prefix" and r["gender"] == "M"}),
                       "P": TITLE_PREFIX_F + sorted({up(r["value"]) for r in t if r["kind"] == "prefix" and r["gender"] == "F"})}
        self.suffix = TITLE_SUFFIX + sorted({", " + up(r["value"]) for r in t if r["kind"] == "suffix"})

    def kab_label(self, kab):
        name = self.regencies.get(kab, "")
        for p in ("Kabupaten ", "Kota Administrasi ", "Kota "):
            if name.startswith(p):
                name = name[len(p):]
        return name.upper()


class Person:
    __slots__ = ("pid", "sex", "dob", "reg_dob", "name", "nik", "in_reg", "fam", "rel", "death",
                 "mother", "father", "bplace", "agama", "kawin", "labels", "rows", "nik_old",
                 "prev_desa", "no_pbi_active")

    def __init__(self, pid, sex, dob):
        self.pid = pid
        self.sex = sex
        self.dob = dob
        self.reg_dob = dob
        self.name = ""
        self.nik = ""
        self.in_reg = True
        self.fam = None
        self.rel = ""
        self.death = None
        self.mother = None
        self.father = None
        self.bplace = ""
        self.agama = "ISLAM"
        self.kawin = "BELUM KAWIN"
        self.labels = []
        self.rows = None  # per program: list of row objects
        self.nik_old = False
        self.prev_desa = None


class Family:
    __slots__ = ("fid", "kk", "desa", "members", "u", "alamat", "rt", "rw", "kpm")

    def __init__(self, fid, desa):
        self.fid = fid
        self.desa = desa
        self.members = []
        self.kk = ""
        self.u = 0.0
        self.alamat = ""
        self.rt = "001"
        self.rw = "001"
        self.kpm = None


def age_on(dob, d):
    return d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))


def fmt_dmy(d, sep):
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year:04d}"


def nik_datepart(d, sex):
    return f"{d.day + (40 if sex == 'P' else 0):02d}{d.month:02d}{d.year % 100:02d}"


def nik_structure_bad(n, provinces):
    """16-digit NIK: unknown province or impossible embedded date. None when ambiguous."""
    if n[:2] not in provinces or n[12:] == "0000":  # serial runs 0001..9999 (domain.md)
        return True
    dd, mm, yy = int(n[6:8]), int(n[8:10]), int(n[10:12])
    if dd > 40:
        dd -= 40
    if mm < 1 or mm > 12 or dd < 1:
        return True
    if mm == 2 and dd == 29:
        if yy == 0:
            return None  # 1900 or 2000: ambiguous, not generated
        return yy % 4 != 0
    return dd > DAYS[mm - 1]


def title_case(s):
    out = []
    for tok in s.split(" "):
        out.append(tok[:1].upper() + tok[1:].lower() if tok else tok)
    return " ".join(out)


class Gen:
    def __init__(self, args):
        self.a = args
        self.P = dict(PROFILES[args.profile])
        self.rng = random.Random(f"specgen/{args.seed}/{args.profile}")
        self.asof = dt.date.fromisoformat(args.as_of)
        self.world = World(args.data)
        self.used16 = set()   # every NIK and KK number handed out
        self.reg_niks = set()  # NIKs in the registry extract
        self.serial = {}
        self.persons = []
        self.families = []
        self.stats = {}
        self.labels = {}

    def count(self, key, n=1):
        self.stats[key] = self.stats.get(key, 0) + n

    # ---------------------------------------------------------------- regions
    def choose_regions(self):
        rng, w = self.rng, self.world
        N = self.a.persons
        per = PER_KEC_DENSITY1 * self.a.density
        k = max(2, int(round(N / per)))
        nkab = max(2, (k + 2) // 3)
        regs = sorted(r for r in w.reg_districts if len(w.reg_districts[r]) >= 3)
        chosen = []
        if self.a.profile == "hard":
            # one regency that was split off (pemekaran): old NIKs carry retired codes
            split = sorted({c[:4] for c in w.new_to_old})
            split = [r for r in split if sum(1 for c in w.reg_districts.get(r, []) if c in w.new_to_old) >= 3]
            if split:
                chosen.append(rng.choice(split))
        while len(chosen) < nkab:
            r = rng.choice(regs)
            if r not in chosen:
                chosen.append(r)
        kecs = []
        pools = {r: [c for c in w.reg_districts[r] if w.villages.get(c)] for r in chosen}
        for r in chosen:
            rng.shuffle(pools[r])
            if r in [c[:4] for c in w.new_to_old]:
                pools[r].sort(key=lambda c: c not in w.new_to_old)
        i = 0
        while len(kecs) < k:
            r = chosen[i % len(chosen)]
            if pools[r]:
                kecs.append(pools[r].pop(0))
            elif all(not p for p in pools.values()):
                break
            i += 1
        self.kecs = kecs
        self.kabs = sorted({c[:4] for c in kecs})
        self.per_kec = N / len(kecs)

    # ---------------------------------------------------------------- identities
    def new_nik(self, kec6, d, sex):
        rng = self.rng
        pre = kec6 + nik_datepart(d, sex)
        if rng.random() < 0.75:
            s = self.serial.get(pre, 0)
            while True:
                s += 1
                if s > 9999:
                    s = rng.randint(1, 9999)
                nik = f"{pre}{s:04d}"
                if nik not in self.used16:
                    break
            self.serial[pre] = s
        else:
            while True:
                nik = f"{pre}{rng.randint(1, 9999):04d}"
                if nik not in self.used16:
                    break
        self.used16.add(nik)
        return nik

    def new_kk(self, kec6):
        rng = self.rng
        lo = dt.date(2004, 1, 1).toordinal()
        hi = self.asof.toordinal() - 1
        while True:
            d = dt.date.fromordinal(rng.randint(lo, hi))
            kk = f"{kec6}{d.day:02d}{d.month:02d}{d.year % 100:02d}{rng.randint(1, 2999):04d}"
            if kk not in self.used16:
                self.used16.add(kk)
                return kk

    def rand_dob(self, age):
        """birth date of someone aged `age` on the as-of date"""
        base = self.asof.toordinal()
        hi = base - int(age * 365.2425) - 1
        d = dt.date.fromordinal(self.rng.randint(hi - 364, hi))
        if d.month == 2 and d.day == 29 and d.year % 100 == 0:
            d = d.replace(day=28)
        return d

    def make_name(self, sex, kec6, father=None):
        rng, w = self.rng, self.world
        prov = kec6[:2]
        if prov == "51" and rng.random() < 0.85:
            order = rng.choice(["PUTU", "WAYAN", "MADE", "KADEK", "NYOMAN", "KOMANG", "KETUT", "GEDE"])
            toks = ["I" if sex == "L" else "NI", order, rng.choice(w.given[sex])]
            if rng.random() < 0.4:
                toks.append(rng.choice(w.family[sex]))
            if rng.random() < 0.03:
                toks = (["IDA", "BAGUS"] if sex == "L" else ["IDA", "AYU"]) + toks[2:]
            return " ".join(toks)
        r = rng.random()
        ntok = 1 if r < 0.22 else 2 if r < 0.70 else 3 if r < 0.95 else 4
        toks = []
        if sex == "L" and rng.random() < 0.10:
            toks.append(rng.choice(["MUHAMMAD"] * 5 + ["MUHAMAD", "MOHAMMAD", "MOCH", "MOH."]))
        elif sex == "P" and rng.random() < 0.09:
            toks.append("SITI")
        elif rng.random() < 0.04:
            toks.append("NUR")
        if rng.random() < 0.01:
            toks.append(rng.choice(APOS_NAMES_M if sex == "L" else APOS_NAMES_F))
        while len(toks) < ntok:
            pool = w.given[sex] if (len(toks) == 0 or rng.random() < 0.5) else w.family[sex]
            t = rng.choice(pool)
            if t not in toks:
                toks.append(t)
        if prov == "12" and rng.random() < 0.4 and len(toks) < 4:
            toks.append(rng.choice(w.family["L"]))  # marga-like second element
        if father is not None and rng.random() < 0.015:
            toks += ["BIN" if sex == "L" else "BINTI", father.name.split(" ")[-1]]
        return " ".join(toks)

    def new_person(self, fam, sex, age, rel, kec6):
        p = Person(len(self.persons), sex, self.rand_dob(age))
        p.rel = rel
        p.fam = fam
        fam.members.append(p)
        self.persons.append(p)
        return p

    def build_population(self):
        rng, P, w = self.rng, self.P, self.world
        N = self.a.persons
        asof = self.asof
        per_kec = {c: 0 for c in self.kecs}
        kec_list = self.kecs
        ki = 0
        namesakes = {}  # kec -> recent persons for namesakes
        while len(self.persons) < N:
            kec = kec_list[ki % len(kec_list)]
            ki += 1
            desa = rng.choice(w.villages[kec])
            fam = Family(len(self.families), desa)
            self.families.append(fam)
            fam.u = rng.random()
            fam.alamat = (f"JL. {rng.choice(STREETS)} NO. {rng.randint(1, 150)}" if rng.random() < 0.6
                          else f"DUSUN {rng.choice(w.given['L'])}")
            fam.rt = f"{rng.randint(1, 15):03d}"
            fam.rw = f"{rng.randint(1, 8):03d}"
            r = rng.random()
            remaining = N - len(self.persons)
            if r < 0.80:  # couple with children
                ha = min(80, max(21, int(rng.triangular(21, 78, 36))))
                wa = max(18, ha - rng.randint(-3, 8))
                head = self.new_person(fam, "L", ha, "KEPALA KELUARGA", kec)
                wife = self.new_person(fam, "P", wa, "ISTRI", kec)
                head.kawin = wife.kawin = "KAWIN"
                nk = rng.choices([0, 1, 2, 3, 4, 5, 6], [8, 20, 30, 22, 12, 6, 2])[0]
                maxage = max(0, min(wa - 18, 30))
                kids = []
                for _ in range(nk):
                    ka = rng.randint(0, maxage)
                    c = self.new_person(fam, rng.choice("LP"), ka, "ANAK", kec)
                    c.father, c.mother = head, wife
                    kids.append(c)
                if len(kids) >= 1 and rng.random() < P["twins"]:
                    c0 = kids[0]
                    t = self.new_person(fam, rng.choice("LP"), 0, "ANAK", kec)
                    t.dob = c0.dob
                    t.reg_dob = c0.dob
                    t.father, t.mother = head, wife
                    t.labels.append("TWIN")
                    c0.labels.append("TWIN")
                    kids.append(t)
                    self.count("twin_pairs")
                for c in kids:
                    if age_on(c.dob, asof) >= 23 and rng.random() < 0.3:
                        c.kawin = "KAWIN"
                if rng.random() < 0.12 and ha < 62:
                    g = self.new_person(fam, rng.choice("LP"), min(95, ha + rng.randint(21, 32)),
                                        rng.choice(["ORANG TUA", "MERTUA"]), kec)
                    g.kawin = "CERAI MATI"
                if ha >= 45 and rng.random() < 0.08:
                    g = self.new_person(fam, rng.choice("LP"), rng.randint(0, 8), "CUCU", kec)
                if rng.random() < 0.02:
                    self.new_person(fam, rng.choice("LP"), rng.randint(10, 40), "FAMILI LAIN", kec)
            elif r < 0.88:  # single parent
                ha = rng.randint(28, 66)
                head = self.new_person(fam, "P", ha, "KEPALA KELUARGA", kec)
                head.kawin = rng.choice(["CERAI MATI", "CERAI HIDUP"])
                for _ in range(rng.randint(1, 3)):
                    c = self.new_person(fam, rng.choice("LP"), rng.randint(0, min(25, ha - 18)), "ANAK", kec)
                    c.mother = head
            elif r < 0.95:  # elderly alone
                head = self.new_person(fam, rng.choice("LLP"), rng.randint(60, 92), "KEPALA KELUARGA", kec)
                head.kawin = "CERAI MATI"
            else:  # young single
                head = self.new_person(fam, rng.choice("LP"), rng.randint(19, 35), "KEPALA KELUARGA", kec)
            # names, religion, identities
            rel_pool = RELIGIONS
            agama = "HINDU" if kec[:2] == "51" and rng.random() < 0.85 else \
                rng.choices([x for x, _ in rel_pool], [y for _, y in rel_pool])[0]
            fam.kk = self.new_kk(kec)
            ns = namesakes.setdefault(kec, [])
            for p in fam.members:
                p.agama = agama
                src = [q for q in ns if q.sex == p.sex] if rng.random() < P["namesake"] else []
                if src:
                    q = rng.choice(src)
                    p.name = q.name
                    p.labels.append("NAMESAKE")
                    if "NAMESAKE" not in q.labels:
                        q.labels.append("NAMESAKE")
                    self.count("namesakes")
                else:
                    p.name = self.make_name(p.sex, kec, p.father)
                if p.rel == "ANAK" and p.father is not None and rng.random() < 0.25 and " " not in p.name:
                    p.name = p.name + " " + p.father.name.split(" ")[-1]
                age = age_on(p.dob, asof)
                # registry birth date: placeholders for older people
                if p.dob.year < 1975 and rng.random() < P["reg_placeholder_date"]:
                    md = rng.choice([(1, 1), (1, 7), (31, 12)])
                    p.reg_dob = dt.date(p.dob.year, md[1], md[0])
                    if p.reg_dob != p.dob:
                        p.labels.append("REG_PLACEHOLDER_DATE")
                        self.count("registry_placeholder_dates")
                # where the NIK was issued
                nkec = kec
                if age >= 17 and rng.random() < P["reg_moved"]:
                    if rng.random() < 0.5:
                        # moved within the kabupaten: mostly from another kecamatan of this data set
                        same = [c for c in self.kecs if c[:4] == kec[:4] and c != kec]
                        nkec = rng.choice(same) if same and rng.random() < 0.8 else rng.choice(w.reg_districts[kec[:4]])
                    else:
                        nkec = rng.choice(w.district_list)
                    if nkec[:4] != kec[:4]:
                        p.labels.append("REG_NIK_OTHER_KABUPATEN")
                        self.count("registry_nik_other_kabupaten")
                if nkec in w.new_to_old and p.dob.year < 2020 and rng.random() < 0.5:
                    nkec = w.new_to_old[nkec]
                    p.nik_old = True
                    p.labels.append("REG_NIK_OLD_REGION_CODE")
                    self.count("registry_nik_old_region_code")
                nd = p.reg_dob
                if rng.random() < P["reg_nik_date_disagree"]:
                    nd = p.reg_dob.replace(year=p.reg_dob.year + rng.choice([-1, 1])) \
                        if not (p.reg_dob.month == 2 and p.reg_dob.day == 29) else p.reg_dob
                    if nd != p.reg_dob:
                        p.labels.append("REG_NIK_DATE_DISAGREES")
                        self.count("registry_nik_date_disagrees")
                p.nik = self.new_nik(nkec, nd, p.sex)
                p.bplace = w.kab_label(nkec[:4]) if nkec[:4] in w.regencies else w.kab_label(kec[:4])
                # deaths
                pd = P["death_after_asof"]
                if rng.random() < (0.05 if age >= 60 else 0.003):
                    if rng.random() < pd:
                        p.death = dt.date.fromordinal(asof.toordinal() + rng.randint(1, 90))
                        p.labels.append("DEATH_AFTER_AS_OF")
                    else:
                        p.death = dt.date.fromordinal(asof.toordinal() - rng.randint(0, 3 * 365))
                    if p.death <= p.dob:
                        p.death = None
                    else:
                        self.count("registry_deaths")
            per_kec[kec] += len(fam.members)
            for p in fam.members:  # namesake pool: earlier families of this kecamatan
                if len(ns) < 400:
                    ns.append(p)
                elif rng.random() < 0.05:
                    ns[rng.randrange(400)] = p
        # mother's name (a registry field; for people without a mother in the family: invented)
        self.mother_names = {}
        for p in self.persons:
            if p.mother is not None:
                m = p.mother.name
            else:
                m = self.make_name("P", p.fam.desa[:6])
            p.mother = m  # from here on: the mother's name string

    # ---------------------------------------------------------------- programs
    def choose_programs(self):
        rng, P, asof = self.rng, self.P, self.asof
        self.pkh_fams, self.pbi, self.kip = [], [], []
        for fam in self.families:
            u = fam.u
            pkh = u < 0.14
            poor = u < 0.38
            fam.kpm = pkh
            prog_family = pkh or poor or u < 0.45
            for p in fam.members:
                p.rows = {"PKH": [], "PBI_JKN": [], "KIP": []}
                age = age_on(p.dob, asof)
                # people the registry does not have (only matters for those in a program)
                if prog_family:
                    if age < 1 and rng.random() < P["notreg_newborn"]:
                        p.in_reg = False
                    elif rng.random() < P["not_in_registry"]:
                        p.in_reg = False
                if not p.in_reg:
                    p.labels.append("NOT_IN_REGISTRY")
                    if p.death is not None:
                        p.death = None
        # membership is decided in build_rows

    def build_rows(self):
        rng, P, asof, w = self.rng, self.P, self.asof, self.world
        self.prog_rows = {"PKH": [], "PBI_JKN": [], "KIP": []}
        tahap = f"{asof.year}-{ROMAN[(asof.month - 1) // 3]}"
        self.tahap = tahap
        kpm_seq = {}
        nokas = set()
        nisns = set()
        schools = {}
        for fam in self.families:
            u = fam.u
            members = fam.members
            alive_or_listed = []
            for p in members:
                if p.death is not None and p.death <= asof and rng.random() >= P["deceased_listed"]:
                    continue  # the programs dropped this dead person
                alive_or_listed.append(p)
            if fam.kpm:
                kab = fam.desa[:4]
                kpm_seq[kab] = kpm_seq.get(kab, 0) + 1
                id_kpm = f"{kab}{kpm_seq[kab]:08d}"
                fam.kpm = id_kpm
                k = 0
                for p in alive_or_listed:
                    k += 1
                    self.add_row("PKH", p, dict(ID_KPM=id_kpm, ID_ART=f"{id_kpm}{k:02d}", _k=k))
                    if rng.random() < P["dup"]:
                        if rng.random() < 0.5:
                            self.add_row("PKH", p, dict(ID_KPM=id_kpm, ID_ART=f"{id_kpm}{50 + k:02d}", _k=50 + k), dup=True)
                        else:
                            kpm_seq[kab] += 1
                            other = f"{kab}{kpm_seq[kab]:08d}"
                            self.add_row("PKH", p, dict(ID_KPM=other, ID_ART=f"{other}01", _k=1), dup=True)
            if u < 0.38 or fam.kpm:
                cover = 0.90 if fam.kpm else 0.95
                for p in alive_or_listed:
                    if rng.random() < cover:
                        n = 1 + (1 if rng.random() < P["dup"] else 0)
                        for j in range(n):
                            while True:
                                noka = f"000{rng.randint(0, 9999999999):010d}"
                                if noka not in nokas:
                                    nokas.add(noka)
                                    break
                            status = "NONAKTIF" if rng.random() < 0.04 else "AKTIF"
                            self.add_row("PBI_JKN", p, dict(NOKA=noka, STATUS_PESERTA=status,
                                                            SEGMEN="PBI APBN" if rng.random() < 0.8 else "PBI APBD"),
                                         dup=j > 0)
            if u < 0.30 or fam.kpm:
                cover = 0.75 if fam.kpm else 0.5
                for p in alive_or_listed:
                    a = age_on(p.dob, asof)
                    if 6 <= a <= 21:
                        school = a <= 18 and rng.random() < 0.9 or a > 18 and rng.random() < 0.08
                        if school and rng.random() < cover:
                            n = 1 + (1 if rng.random() < P["dup"] else 0)
                            for j in range(n):
                                while True:
                                    nisn = f"0{p.dob.year % 100:02d}{rng.randint(0, 9999999):07d}"
                                    if nisn not in nisns:
                                        nisns.add(nisn)
                                        break
                                self.add_row("KIP", p, dict(NISN=nisn, _age=a), dup=j > 0)
        self.schools = schools

    def add_row(self, src, p, extra, dup=False):
        row = Row(src, p, extra, dup)
        p.rows[src].append(row)
        self.prog_rows[src].append(row)

    # ---------------------------------------------------------------- errors
    def nik_error(self, row, p):
        """value written in the NIK column, label"""
        rng, P = self.rng, self.P
        nik = p.nik
        parent = None
        if p.rel in ("ANAK", "CUCU"):
            cands = [q for q in p.fam.members if q.rel in ("KEPALA KELUARGA", "ISTRI", "SUAMI") and q is not p]
            if cands:
                parent = rng.choice(cands)
        if parent is not None and rng.random() < P["nik_parent"]:
            return parent.nik, "NIK_PARENT_ON_CHILD"
        boost = 3.0 if row.dup else 1.0
        r = rng.random() / boost
        for kind in ("nik_blank", "nik_placeholder", "nik_excel", "nik_apos_space", "nik_len15", "nik_len17",
                     "nik_one_digit", "nik_adj_swap", "nik_kk", "nik_other", "nik_hit_other"):
            pr = P[kind]
            if r < pr:
                break
            r -= pr
        else:
            return nik, None
        if kind == "nik_blank":
            return rng.choice(["", "", " "]), "NIK_BLANK"
        if kind == "nik_placeholder":
            return rng.choice(PLACEHOLDER_NIKS), "NIK_PLACEHOLDER"
        if kind == "nik_excel":
            s = f"{int(nik):.5E}"
            if rng.random() < 0.5:
                s = s.replace(".", ",")
            return s, "NIK_EXCEL_SCIENTIFIC"
        if kind == "nik_apos_space":
            c = rng.random()
            if c < 0.45:
                return "'" + nik, "NIK_APOSTROPHE_OR_SPACES"
            if c < 0.8:
                return " " + nik + " ", "NIK_APOSTROPHE_OR_SPACES"
            return nik[:6] + " " + nik[6:12] + " " + nik[12:], "NIK_APOSTROPHE_OR_SPACES"
        if kind == "nik_len15":
            i = rng.randrange(16)
            return nik[:i] + nik[i + 1:], "NIK_15_DIGITS"
        if kind == "nik_len17":
            i = rng.randrange(17)
            return nik[:i] + str(rng.randrange(10)) + nik[i:], "NIK_17_DIGITS"
        if kind == "nik_one_digit":
            for _ in range(20):
                i = rng.randrange(16)
                v = nik[:i] + str((int(nik[i]) + rng.randint(1, 9)) % 10) + nik[i + 1:]
                if nik_structure_bad(v, self.world.provinces) is not None:
                    return v, "NIK_ONE_DIGIT_WRONG"
            return nik, None
        if kind == "nik_adj_swap":
            pos = [i for i in range(15) if nik[i] != nik[i + 1]]
            i = rng.choice(pos)
            v = nik[:i] + nik[i + 1] + nik[i] + nik[i + 2:]
            if nik_structure_bad(v, self.world.provinces) is None:
                return nik, None
            return v, "NIK_ADJACENT_SWAP"
        if kind == "nik_kk":
            return p.fam.kk, "NIK_KK_NUMBER"
        if kind == "nik_other":
            fam = [q for q in p.fam.members if q is not p and q.in_reg]
            if fam and rng.random() < 0.6:
                return rng.choice(fam).nik, "NIK_OTHER_PERSON"
            for _ in range(10):
                q = self.persons[rng.randrange(len(self.persons))]
                if q is not p and q.in_reg:
                    return q.nik, "NIK_OTHER_PERSON"
            return nik, None
        if kind == "nik_hit_other":
            order = list(range(15, 5, -1))
            for i in order:
                digs = list(range(10))
                rng.shuffle(digs)
                for d in digs:
                    v = nik[:i] + str(d) + nik[i + 1:]
                    if v != nik and v in self.reg_niks:
                        return v, "NIK_TYPO_HITS_OTHER_PERSON"
            i = rng.randrange(12, 16)
            v = nik[:i] + str((int(nik[i]) + rng.randint(1, 9)) % 10) + nik[i + 1:]
            return v, "NIK_ONE_DIGIT_WRONG"
        return nik, None

    def name_variant(self, row, p):
        rng, P, w = self.rng, self.P, self.world
        name = p.name
        labels = []
        toks = name.split(" ")
        dead = p.death is not None and p.death <= self.asof
        if dead and rng.random() < P["name_alm"]:
            toks = ["ALM." if p.sex == "L" else "ALMH."] + toks
            labels.append("NAME_ALM_PREFIX")
        nerr = 0
        boost = 2.0 if row.dup else 1.0
        kinds = ["name_title", "name_bin", "name_muh", "name_initial", "name_old_spelling", "name_typo",
                 "name_tok_missing", "name_tok_extra", "name_tok_order", "name_trunc"]
        for kind in kinds:
            if nerr >= 2:
                break
            pr = P[kind] * boost
            if kind == "name_muh":
                if not any(t in MUH_FORMS or t == "MOH." for t in toks):
                    continue
                pr = P["name_muh"] * 0.3
            if rng.random() >= pr:
                continue
            before = list(toks)
            if kind == "name_title":
                age = age_on(p.dob, self.asof)
                if age < 22:
                    continue
                if rng.random() < 0.5:
                    toks = [rng.choice(w.prefix[p.sex])] + toks
                else:
                    toks = toks[:-1] + [toks[-1] + rng.choice(w.suffix)]
                lab = "NAME_TITLE"
            elif kind == "name_bin":
                if "BIN" in toks or "BINTI" in toks:
                    i = toks.index("BIN") if "BIN" in toks else toks.index("BINTI")
                    toks = toks[:i]
                elif isinstance(p.father, Person):
                    toks = toks + ["BIN" if p.sex == "L" else "BINTI", p.father.name.split(" ")[0]]
                else:
                    toks = toks + ["BIN" if p.sex == "L" else "BINTI", rng.choice(w.given["L"])]
                lab = "NAME_BIN_BINTI"
            elif kind == "name_muh":
                i = next(i for i, t in enumerate(toks) if t in MUH_FORMS or t == "MOH.")
                toks[i] = rng.choice([f for f in MUH_FORMS if f != toks[i]])
                lab = "NAME_MUHAMMAD_VARIANT"
            elif kind == "name_initial":
                if len(toks) < 2:
                    continue
                i = rng.randrange(len(toks) - 1) if len(toks) > 2 else 0
                toks[i] = toks[i][0] + "."
                lab = "NAME_INITIAL"
            elif kind == "name_old_spelling":
                s = " ".join(toks)
                rules = [] if ("TJ" in s or "DJ" in s or "OE" in s) else [r for r in OLD_SPELLING if r[0].search(s)]
                if not rules:
                    continue
                rx, old = rng.choice(rules)
                toks = rx.sub(old, s, count=1).split(" ")
                lab = "NAME_OLD_SPELLING"
            elif kind == "name_typo":
                cand = [i for i, t in enumerate(toks) if len(t) >= 4 and t.isalpha()]
                if not cand:
                    continue
                i = rng.choice(cand)
                t = toks[i]
                j = rng.randrange(1, len(t) - 1)
                op = rng.random()
                if op < 0.35:
                    t = t[:j] + rng.choice("AEIOUNRSTKMLBDGH") + t[j + 1:]
                elif op < 0.6:
                    t = t[:j] + t[j + 1:]
                elif op < 0.8:
                    t = t[:j] + t[j] + t[j:]
                else:
                    t = t[:j - 1] + t[j] + t[j - 1] + t[j + 1:]
                if t == toks[i]:
                    continue
                toks[i] = t
                lab = "NAME_TYPO"
            elif kind == "name_tok_missing":
                if len(toks) < 3:
                    continue
                del toks[rng.randrange(1, len(toks))]
                lab = "NAME_TOKEN_MISSING"
            elif kind == "name_tok_extra":
                toks = toks + [rng.choice(w.family[p.sex])]
                lab = "NAME_TOKEN_EXTRA"
            elif kind == "name_tok_order":
                if len(toks) < 2:
                    continue
                toks = toks[1:] + toks[:1]
                lab = "NAME_TOKEN_ORDER"
            elif kind == "name_trunc":
                s = " ".join(toks)
                if len(s) <= 22:
                    continue
                toks = s[:rng.randint(18, 22)].rstrip().split(" ")
                lab = "NAME_TRUNCATED"
            if toks != before:
                labels.append(lab)
                nerr += 1
        s = " ".join(toks)
        if rng.random() < P["name_punct"] * boost:
            if "." in s:
                s = s.replace(".", "" if rng.random() < 0.5 else " ").replace("  ", " ").strip()
            elif " " in s:
                s = s.replace(" ", rng.choice(["-", ". ", ", "]), 1)
            else:
                s = s + "."
            labels.append("NAME_PUNCTUATION")
        if rng.random() < P["name_spacing"] * boost:
            c = rng.random()
            if c < 0.5 and " " in s:
                s = s.replace(" ", "  ", 1)
            elif c < 0.8:
                s = " " + s + " "
            elif " " in s:
                i = s.index(" ")
                s = s[:i] + s[i + 1:]
            labels.append("NAME_SPACING")
        return s, labels

    def date_variant(self, p):
        rng, P = self.rng, self.P
        d = p.reg_dob if p.in_reg else p.dob
        r = rng.random()
        for kind in ("date_swap", "date_year_off", "date_placeholder", "date_blank", "date_impossible"):
            pr = P[kind]
            if r < pr:
                break
            r -= pr
        else:
            if p.in_reg and p.reg_dob != p.dob and rng.random() < 0.3:
                return p.dob, "DATE_TRUE_NOT_REGISTRY_PLACEHOLDER"
            return d, None
        if kind == "date_swap":
            if d.day <= 12 and d.day != d.month:
                return dt.date(d.year, d.day, d.month), "DATE_DAY_MONTH_SWAP"
            return d, None
        if kind == "date_year_off":
            y = d.year + rng.choice([-1, 1])
            if d.month == 2 and d.day == 29:
                return dt.date(y, 2, 28), "DATE_YEAR_OFF"
            return d.replace(year=y), "DATE_YEAR_OFF"
        if kind == "date_placeholder":
            md = rng.choice([(1, 1), (1, 7), (31, 12)])
            v = dt.date(d.year, md[1], md[0])
            if v == d:
                return d, None
            return v, "DATE_PLACEHOLDER"
        if kind == "date_blank":
            return "", "DATE_BLANK"
        return rng.choice(["31-02", "00-00", "30-02"]), "DATE_IMPOSSIBLE"

    def fill_rows(self):
        """decide every program row's values and true codes (before file faults)"""
        rng, P, asof, w = self.rng, self.P, self.asof, self.world
        provinces = w.provinces
        for src in ("PKH", "PBI_JKN", "KIP"):
            for row in self.prog_rows[src]:
                p = row.p
                labels = []
                nik, lab = self.nik_error(row, p)
                if lab:
                    labels.append(lab)
                name, nl = self.name_variant(row, p)
                labels += nl
                d, dl = self.date_variant(p)
                if dl:
                    labels.append(dl)
                sex = p.sex
                if rng.random() < P["sex_wrong"]:
                    sex = "P" if sex == "L" else "L"
                    labels.append("SEX_WRONG")
                desa = p.fam.desa
                region_note = None
                if rng.random() < P["region_moved"] and p.in_reg:
                    kabs = [k for k in self.kabs if k != desa[:4]]
                    if kabs and rng.random() < 0.7:
                        kab = rng.choice(kabs)
                        kec = rng.choice([c for c in self.kecs if c[:4] == kab])
                    else:
                        while True:
                            kec = rng.choice(w.district_list)
                            if kec[:4] != desa[:4] and w.villages.get(kec):
                                break
                    desa = rng.choice(w.villages[kec])
                    region_note = "REGION_MOVED"
                elif desa[:6] in w.new_to_old and rng.random() < P["region_old_code"]:
                    desa = w.new_to_old[desa[:6]] + desa[6:]
                    region_note = "REGION_OLD_CODE"
                if region_note:
                    labels.append(region_note)
                if p.death is not None and p.death <= asof:
                    labels.append("DECEASED_LISTED")
                if row.dup:
                    labels.append("DUPLICATE_ROW")
                if "TWIN" in p.labels:
                    labels.append("TWIN")
                if "NAMESAKE" in p.labels:
                    labels.append("NAMESAKE")
                if not p.in_reg:
                    labels.append("NOT_IN_REGISTRY")
                row.nik, row.name, row.date, row.sex, row.desa = nik, name, d, sex, desa
                row.labels = labels
                # NIK evidence
                cleaned = nik.strip().replace("'", "").replace(" ", "")
                codes = []
                if cleaned in ("", "-", "0", "0000000000000000"):
                    codes.append("NIK_MISSING")
                    row.correct = False
                else:
                    ok16 = len(cleaned) == 16 and cleaned.isdigit()
                    if not ok16:
                        codes.append("NIK_MALFORMED")
                    elif nik_structure_bad(cleaned, provinces):
                        codes.append("NIK_STRUCTURE")
                    if p.in_reg and cleaned != p.nik:
                        codes.append("NIK_CORRECTED")
                    row.correct = p.in_reg and cleaned == p.nik
                    if ok16 and cleaned != p.nik and cleaned in self.reg_niks:
                        if "NIK_TYPO_HITS_OTHER_PERSON" not in labels and "NIK_OTHER_PERSON" not in labels \
                                and "NIK_PARENT_ON_CHILD" not in labels:
                            labels.append("NIK_HITS_OTHER_PERSON")
                if not p.in_reg:
                    codes.append("NOT_IN_DUKCAPIL")
                else:
                    mism = sex != p.sex
                    if isinstance(d, dt.date) and d != p.reg_dob:
                        mism = True
                    if mism:
                        codes.append("ATTRIBUTE_MISMATCH")
                    kab = desa[:4]
                    if desa[:6] in w.old_to_new:
                        kab = w.old_to_new[desa[:6]][:4]
                    if kab != p.fam.desa[:4]:
                        codes.append("REGION_MISMATCH")
                    if p.death is not None and p.death <= asof:
                        codes.append("DECEASED_BENEFICIARY")
                row.codes = codes

    # ---------------------------------------------------------------- files
    def run(self):
        t0 = time.time()
        out = self.a.out
        os.makedirs(out, exist_ok=True)
        self.choose_regions()
        self.build_population()
        self.choose_programs()
        self.reg_niks = {p.nik for p in self.persons if p.in_reg}
        self.build_rows()
        self.fill_rows()
        stamp = self.asof.strftime("%Y%m%d")
        files = Files(self, out, stamp)
        files.write_all()
        self.write_summary(files, time.time() - t0)
        return files


class Row:
    __slots__ = ("src", "p", "x", "dup", "nik", "name", "date", "sex", "desa", "labels", "codes",
                 "correct", "damaged", "key", "line")

    def __init__(self, src, p, extra, dup):
        self.src = src
        self.p = p
        self.x = extra
        self.dup = dup
        self.damaged = None


def q_rfc(v, delim):
    if delim in v or '"' in v or "\n" in v or "\r" in v:
        return '"' + v.replace('"', '""') + '"'
    return v


DUK_COLS = ["NIK", "NO_KK", "NAMA_LGKP", "JENIS_KLMIN", "TMPT_LHR", "TGL_LHR", "STAT_HBKEL", "NAMA_LGKP_IBU",
            "AGAMA", "STATUS_KAWIN", "ALAMAT", "NO_RT", "NO_RW", "NO_PROP", "NO_KAB", "NO_KEC", "NO_KEL", "TGL_MATI"]
PKH_COLS = ["ID_KPM", "ID_ART", "NAMA_ART", "NIK", "NO_KK", "JENIS_KELAMIN", "TGL_LAHIR", "HUB_KRT", "KOMPONEN",
            "ALAMAT", "KD_PROP", "KD_KAB", "KD_KEC", "KD_DESA", "TAHAP", "NOMINAL"]
PBI_COLS = ["NOKA", "NIK", "NO_KK", "NAMA_PESERTA", "TGL_LAHIR", "JENIS_KELAMIN", "HUBUNGAN_KELUARGA", "SEGMEN",
            "STATUS_PESERTA", "KODE_FASKES", "KODE_WILAYAH"]
KIP_COLS = ["NISN", "NAMA_SISWA", "NIK", "NO_KK", "JK", "TEMPAT_LAHIR", "TANGGAL_LAHIR", "NAMA_IBU_KANDUNG",
            "JENJANG", "KELAS", "NPSN", "NAMA_SEKOLAH", "NO_KIP", "KODE_WILAYAH", "NOMINAL"]
HUB_PKH = {"KEPALA KELUARGA": "1", "ISTRI": "2", "SUAMI": "2", "ANAK": "3", "CUCU": "5", "ORANG TUA": "6",
           "MERTUA": "6", "FAMILI LAIN": "7", "LAINNYA": "7"}
HUB_PBI = {"KEPALA KELUARGA": "PESERTA", "ISTRI": "ISTRI", "SUAMI": "SUAMI", "ANAK": "ANAK"}


class Files:
    SPEC = {
        # source: (prefix, delimiter, encoding, quoting, BOM, CRLF)
        "DUKCAPIL": ("dukcapil", "|", "utf-8", False, False, False),
        "PKH": ("pkh", ";", "cp1252", True, False, True),
        "PBI_JKN": ("pbi", ",", "utf-8", True, True, False),
        "KIP": ("kip", ",", "utf-8", True, False, False),
    }

    def __init__(self, g, out, stamp):
        self.g = g
        self.out = out
        self.stamp = stamp
        self.rng = random.Random(f"specgen-files/{g.a.seed}/{g.a.profile}")
        self.truth = []
        self.info = {}
        self.faults = {}

    def fault(self, src, kind, n=1):
        d = self.faults.setdefault(src, {})
        d[kind] = d.get(kind, 0) + n

    # -- values
    def duk_fields(self, p):
        fam = p.fam
        d = fam.desa
        return {
            "NIK": p.nik, "NO_KK": fam.kk, "NAMA_LGKP": p.name,
            "JENIS_KLMIN": "LAKI-LAKI" if p.sex == "L" else "PEREMPUAN",
            "TMPT_LHR": p.bplace, "TGL_LHR": fmt_dmy(p.reg_dob, "-"),
            "STAT_HBKEL": ("SUAMI" if p.rel == "ISTRI" and p.sex == "L" else p.rel),
            "NAMA_LGKP_IBU": p.mother, "AGAMA": p.agama, "STATUS_KAWIN": p.kawin,
            "ALAMAT": fam.alamat, "NO_RT": fam.rt, "NO_RW": fam.rw,
            "NO_PROP": d[:2], "NO_KAB": d[2:4], "NO_KEC": d[4:6], "NO_KEL": d[6:10],
            "TGL_MATI": fmt_dmy(p.death, "-") if p.death else "",
        }

    def date_str(self, row, fmt):
        d = row.date
        if d == "":
            return ""
        if isinstance(d, str):  # impossible date "dd-mm"
            dd, mm = d.split("-")
            y = "0000" if dd == "00" else str(row.p.dob.year)
            if fmt == "ymd":
                return f"{y}-{mm}-{dd}"
            sep = "/" if fmt == "dmy/" else "-"
            return f"{dd}{sep}{mm}{sep}{y}"
        if fmt == "ymd":
            return d.isoformat()
        return fmt_dmy(d, "/" if fmt == "dmy/" else "-")

    def no_kk(self, p):
        if self.g.rng.random() < self.g.P["no_kk_blank"]:
            return ""
        return p.fam.kk

    def pkh_fields(self, row):
        p, g = row.p, self.g
        a = age_on(p.dob, g.asof)
        komp = ""
        if a <= 6:
            komp = "AUD"
        elif a <= 12:
            komp = "SD"
        elif a <= 15:
            komp = "SMP"
        elif a <= 18:
            komp = "SMA"
        elif a >= 70:
            komp = "LANSIA"
        elif p.sex == "P" and 20 <= a <= 40 and p.rel in ("ISTRI", "KEPALA KELUARGA") and g.rng.random() < 0.08:
            komp = "BUMIL"
        elif g.rng.random() < 0.01:
            komp = "DISABILITAS"
        if a > 6 and a <= 18 and g.rng.random() < 0.1:
            komp = ""
        alamat = p.fam.alamat + (f" RT {p.fam.rt[1:]}/RW {p.fam.rw[1:]}" if g.rng.random() < 0.5 else "")
        if g.rng.random() < 0.01:
            alamat = alamat.replace(" RT", "; RT") if " RT" in alamat else alamat + "; DEKAT MASJID"
        d = row.desa
        return {
            "ID_KPM": row.x["ID_KPM"], "ID_ART": row.x["ID_ART"], "NAMA_ART": row.name,
            "NIK": row.nik, "NO_KK": self.no_kk(p), "JENIS_KELAMIN": "1" if row.sex == "L" else "2",
            "TGL_LAHIR": self.date_str(row, "dmy/"), "HUB_KRT": HUB_PKH.get(p.rel, "7"),
            "KOMPONEN": komp, "ALAMAT": alamat, "KD_PROP": d[:2], "KD_KAB": d[:4], "KD_KEC": d[:6],
            "KD_DESA": d, "TAHAP": g.tahap, "NOMINAL": str(PKH_AMOUNT[komp]),
        }

    def pbi_fields(self, row):
        p = row.p
        return {
            "NOKA": row.x["NOKA"], "NIK": row.nik, "NO_KK": self.no_kk(p), "NAMA_PESERTA": row.name,
            "TGL_LAHIR": self.date_str(row, "ymd"), "JENIS_KELAMIN": row.sex,
            "HUBUNGAN_KELUARGA": HUB_PBI.get(p.rel, "TAMBAHAN") if p.rel != "ISTRI" or p.sex == "P" else "SUAMI",
            "SEGMEN": row.x["SEGMEN"], "STATUS_PESERTA": row.x["STATUS_PESERTA"],
            "KODE_FASKES": f"{row.desa[2:6]}P{int(row.desa[6:]) % 7 + 1:03d}", "KODE_WILAYAH": row.desa[:6],
        }

    def kip_fields(self, row):
        p, g = row.p, self.g
        a = row.x["_age"]
        if a <= 12:
            jen, kelas = "SD", max(1, min(6, a - 6))
        elif a <= 15:
            jen, kelas = "SMP", a - 6
        else:
            jen, kelas = ("SMK" if (p.pid % 3 == 0) else "SMA"), min(12, a - 6)
        kec = p.fam.desa[:6]
        num = (p.fam.fid % 5) + 1
        npsn = f"{(int(kec) * 7 + num * 13 + len(jen)) % 90000000 + 10000000:08d}"
        kname = g.world.districts.get(kec, "").upper()
        if jen == "SMK":
            sname = f"SMK MUHAMMADIYAH {num} {kname}"
        else:
            sname = f"{jen} NEGERI {num} {kname}"
        if g.rng.random() < 0.02:
            sname = sname.replace(" NEGERI", ", NEGERI") if "NEGERI" in sname else sname + ", KAB. " + kname
        return {
            "NISN": row.x["NISN"], "NAMA_SISWA": row.name, "NIK": row.nik, "NO_KK": self.no_kk(p),
            "JK": row.sex, "TEMPAT_LAHIR": title_case(p.bplace), "TANGGAL_LAHIR": self.date_str(row, "dmy-"),
            "NAMA_IBU_KANDUNG": title_case(p.mother) if g.rng.random() < 0.6 else p.mother,
            "JENJANG": jen, "KELAS": str(kelas), "NPSN": npsn, "NAMA_SEKOLAH": sname,
            "NO_KIP": "".join(g.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)),
            "KODE_WILAYAH": row.desa, "NOMINAL": str(KIP_AMOUNT[jen]),
        }

    # -- name case per source
    def cased(self, src, name, row):
        rng = self.g.rng
        mixed = src in ("PKH", "KIP")
        if src == "PKH" and "'" in name and rng.random() < 0.5:
            name = name.replace("'", "\u2019")  # Excel's typographic apostrophe: byte 0x92 in windows-1252
            row.labels.append("NAME_TYPOGRAPHIC_APOSTROPHE")
        if rng.random() < self.g.P["name_case"]:
            row.labels.append("NAME_CASE")
            c = rng.random()
            if c < 0.4:
                return name.lower()
            return name.upper() if mixed else title_case(name)
        return title_case(name) if mixed else name.upper()

    def write_all(self):
        g = self.g
        rng = self.rng
        hard = g.P["file_faults"]
        # ---- registry rows, ordered by family
        duk = []
        for fam in g.families:
            for p in fam.members:
                if p.in_reg:
                    duk.append(p)
        # programs: order by region and family; duplicate rows go elsewhere in the file
        progs = {}
        for src in ("PKH", "PBI_JKN", "KIP"):
            rows = g.prog_rows[src]
            keyed = []
            for i, r in enumerate(rows):
                k = i if not r.dup else rng.randrange(len(rows))
                keyed.append((r.desa[:4] if not r.dup else "", k, i))
            if src != "PKH":
                keyed.sort(key=lambda t: (t[1], t[2]))
            else:
                keyed.sort(key=lambda t: (t[1], t[2]))
            progs[src] = [rows[t[2]] for t in keyed]
        # ---- damaged rows: chosen now so that codes can leave them out
        every = g.P["damage_every"]
        damage = {}
        kinds_all = {
            "DUKCAPIL": ["FILE_WRONG_COLUMN_COUNT", "FILE_DELIMITER_IN_UNQUOTED_FIELD", "FILE_INVALID_BYTES"],
            "PKH": ["FILE_WRONG_COLUMN_COUNT", "FILE_DELIMITER_IN_UNQUOTED_FIELD", "FILE_INVALID_BYTES",
                    "FILE_UNTERMINATED_QUOTE"],
            "PBI_JKN": ["FILE_DELIMITER_IN_UNQUOTED_FIELD", "FILE_WRONG_COLUMN_COUNT", "FILE_INVALID_BYTES",
                        "FILE_UNTERMINATED_QUOTE"],
            "KIP": ["FILE_WRONG_COLUMN_COUNT", "FILE_INVALID_BYTES", "FILE_DELIMITER_IN_UNQUOTED_FIELD",
                    "FILE_UNTERMINATED_QUOTE"],
        }
        for src, rows in (("DUKCAPIL", duk), ("PKH", progs["PKH"]), ("PBI_JKN", progs["PBI_JKN"]), ("KIP", progs["KIP"])):
            n = max(1, len(rows) // every) if rows else 0
            chosen = {}
            tries = 0
            while len(chosen) < n and tries < n * 50:
                tries += 1
                i = rng.randrange(len(rows))
                if src == "DUKCAPIL":
                    if any(rows[i].rows[s] for s in rows[i].rows):
                        continue  # keep registry rows of program persons intact
                if i in chosen or i == len(rows) - 1:
                    continue
                chosen[i] = kinds_all[src][len(chosen) % len(kinds_all[src])]
            damage[src] = chosen
        # file truncated mid-row: the last row of one program file (hard)
        self.trunc_src = None
        if hard:
            self.trunc_src = "KIP" if progs["KIP"] else "PBI_JKN"
            damage[self.trunc_src][len(progs[self.trunc_src]) - 1] = "FILE_TRUNCATED_ROW"
        for src in ("PKH", "PBI_JKN", "KIP"):
            for i, r in enumerate(progs[src]):
                r.damaged = damage[src].get(i)
        # ---- codes that depend on other rows (undamaged only)
        for src in ("PKH", "PBI_JKN", "KIP"):
            for r in progs[src]:
                if r.damaged:
                    continue
                p = r.p
                live = [x for x in p.rows[src] if not x.damaged]
                if len(live) >= 2:
                    r.codes.append("DUPLICATE_IN_PROGRAM")
                if src == "PKH":
                    if not any(x.x["STATUS_PESERTA"] == "AKTIF" and not x.damaged for x in p.rows["PBI_JKN"]):
                        r.codes.append("GAP_PKH_NO_PBI")
                    bd = p.reg_dob if p.in_reg else p.dob
                    a = age_on(bd, g.asof)
                    if 6 <= a <= 21 and not any(not x.damaged for x in p.rows["KIP"]):
                        r.codes.append("GAP_PKH_CHILD_NO_KIP")
        # ---- write
        self.write_file("DUKCAPIL", duk, damage["DUKCAPIL"], hard)
        for src in ("PKH", "PBI_JKN", "KIP"):
            self.write_file(src, progs[src], damage[src], hard)
        self.write_truth()

    def write_file(self, src, rows, damage, hard):
        g, rng = self.g, self.rng
        prefix, delim, enc, quoting, bom, crlf = self.SPEC[src]
        cols = {"DUKCAPIL": DUK_COLS, "PKH": PKH_COLS, "PBI_JKN": PBI_COLS, "KIP": KIP_COLS}[src]
        cols = list(cols)
        extra_col = None
        header = list(cols)
        if hard:
            if src == "PKH":
                extra_col = "KETERANGAN"
            if src == "KIP":
                extra_col = "Sumber_Data"
            if extra_col:
                header.append(extra_col)
                self.fault(src, "FILE_EXTRA_COLUMN")
            if src == "PBI_JKN":
                header = [h.lower() for h in header]
                self.fault(src, "FILE_HEADER_CASE")
            if src == "KIP":
                header = [f" {h} " if i % 3 == 0 else h for i, h in enumerate(header)]
                self.fault(src, "FILE_HEADER_SPACES")
            if src == "DUKCAPIL":
                crlf = True
                self.fault(src, "FILE_CRLF")
            if src == "KIP":
                bom = True
                self.fault(src, "FILE_BOM")
        elif src == "PKH":
            self.fault(src, "FILE_CRLF")
        eol = "\r\n" if crlf else "\n"
        fname = f"{prefix}_{self.stamp}.csv"
        path = os.path.join(self.out, fname)
        nblank = g.P["blank_lines"]
        blank_at = set()
        if rows:
            for _ in range(nblank):
                blank_at.add(rng.randrange(len(rows)))
        n_multi = 0
        line = 1
        n_damaged = 0
        with open(path, "wb") as f:
            buf = []
            if bom:
                buf.append(b"\xef\xbb\xbf")
            buf.append((delim.join(header) + eol).encode(enc))
            line = 2
            for i, r in enumerate(rows):
                if i in blank_at:
                    buf.append(eol.encode(enc))
                    line += 1
                    self.fault(src, "FILE_BLANK_LINES")
                if src == "DUKCAPIL":
                    vals = self.duk_fields(r)
                    key = r.nik
                    labels = list(r.labels)
                else:
                    r.name = self.cased(src, r.name, r)
                    vals = {"PKH": self.pkh_fields, "PBI_JKN": self.pbi_fields, "KIP": self.kip_fields}[src](r)
                    key = vals[{"PKH": "ID_ART", "PBI_JKN": "NOKA", "KIP": "NISN"}[src]]
                    labels = r.labels
                if extra_col:
                    vals[extra_col] = rng.choice(["", "", "VERIFIKASI 2026", "-"])
                kind = damage.get(i)
                fields = [vals[c] for c in header_cols(cols, extra_col)]
                multiline = False
                if not kind and quoting and src in ("PKH", "KIP") and rng.random() < (0.004 if hard else 0.001):
                    c = "ALAMAT" if src == "PKH" else "NAMA_SEKOLAH"
                    j = header_cols(cols, extra_col).index(c)
                    if " " in fields[j]:
                        fields[j] = fields[j].replace(" ", "\n" if not crlf else "\r\n", 1)
                        multiline = True
                        labels.append("FILE_MULTILINE_VALUE")
                        self.fault(src, "FILE_MULTILINE_VALUE")
                raw_extra = b""
                if kind:
                    labels.append(kind)
                    self.fault(src, kind)
                    n_damaged += 1
                    text, raw_extra = self.damage_row(src, kind, fields, header_cols(cols, extra_col), delim, quoting)
                else:
                    if quoting:
                        text = delim.join(q_rfc(v, delim) for v in fields)
                    else:
                        text = delim.join(fields)
                if kind == "FILE_TRUNCATED_ROW":
                    data = text.encode(enc, "replace")
                    data = data[:max(len(key) + 3, len(data) // 2)]
                    buf.append(data)
                    nl = 0
                else:
                    data = text.encode(enc, "replace")
                    if raw_extra:
                        cut = data.find(b"\x00")
                        data = data[:cut] + raw_extra + data[cut + 1:]
                    buf.append(data + eol.encode(enc))
                    nl = text.count("\n") + 1
                self.truth.append((src, fname, line, key, r if src != "DUKCAPIL" else None,
                                   r.p if src != "DUKCAPIL" else r, bool(kind), labels))
                line += nl
                if len(buf) > 4096:
                    f.write(b"".join(buf))
                    buf = []
            if hard and src == "PBI_JKN":
                buf.append(eol.encode(enc) * 2)  # trailing blank lines
                self.fault(src, "FILE_BLANK_LINES", 2)
            f.write(b"".join(buf))
        self.info[src] = (fname, len(rows), n_damaged, os.path.getsize(path))

    def damage_row(self, src, kind, fields, cols, delim, quoting):
        rng = self.rng
        fields = list(fields)
        name_col = {"DUKCAPIL": "NAMA_LGKP", "PKH": "NAMA_ART", "PBI_JKN": "NAMA_PESERTA", "KIP": "NAMA_SISWA"}[src]
        j = cols.index(name_col)
        join = (lambda fs: delim.join(q_rfc(v, delim) if quoting else v for v in fs))
        if kind == "FILE_WRONG_COLUMN_COUNT":
            if rng.random() < 0.5:
                return join(fields[:-2]), b""
            return join(fields + ["X", "Y"]), b""
        if kind == "FILE_DELIMITER_IN_UNQUOTED_FIELD":
            v = fields[j].replace(delim, " ")
            v = v + delim + " " + ("S.PD" if src != "DUKCAPIL" else "ALIAS")
            fields[j] = "\x01"
            t = join(fields)
            return t.replace("\x01", v), b""
        if kind == "FILE_INVALID_BYTES":
            v = fields[j]
            k = max(1, len(v) // 2)
            fields[j] = v[:k] + "\x00" + v[k:]
            bad = b"\x81\x8d" if src == "PKH" else b"\xc3\x28\xff"
            return join(fields), bad
        if kind == "FILE_UNTERMINATED_QUOTE":
            fields[j] = '"' + fields[j].replace('"', "")
            t = delim.join(v if i == j else (q_rfc(v, delim) if quoting else v) for i, v in enumerate(fields))
            return t, b""
        if kind == "FILE_TRUNCATED_ROW":
            return join(fields), b""
        raise ValueError(kind)

    def write_truth(self):
        path = os.path.join(self.out, "truth.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("source,file,line_no,record_key,person,registry_nik,damaged,carried_correct_nik,codes,errors\n")
            for src, fname, line, key, row, p, damaged, labels in self.truth:
                if row is None:
                    codes = ""
                    correct = "true"
                else:
                    codes = "" if damaged else ";".join(row.codes)
                    correct = "true" if row.correct else "false"
                f.write(f"{src},{fname},{line},{key},S{p.pid:07d},{p.nik if p.in_reg else ''},"
                        f"{'true' if damaged else 'false'},{correct},{codes},{';'.join(labels)}\n")

    def summary_lines(self):
        out = []
        return out


def header_cols(cols, extra):
    return cols + [extra] if extra else cols


def write_summary(self, files, secs):
    g = self
    lines = ["# specgen: independent extracts written from the specification, with ground truth",
             f"seed {g.a.seed}", f"profile {g.a.profile}", f"persons {g.a.persons}", f"density {g.a.density}",
             f"as_of {g.asof.isoformat()}", ""]
    lines.append("[population]")
    from collections import Counter
    kab = Counter(p.fam.desa[:4] for p in g.persons)
    for k in sorted(kab):
        lines.append(f"domicile {k} {g.world.regencies.get(k, '?')} {kab[k]}")
    prefixes = Counter(p.nik[:6] for p in g.persons)
    dens = sum(prefixes[p.nik[:6]] for p in g.persons) / max(1, len(g.persons))
    lines.append(f"families {len(g.families)}")
    lines.append(f"persons {len(g.persons)}")
    lines.append(f"kecamatan_codes_of_domicile {len(g.kecs)}")
    lines.append(f"persons_per_nik_kecamatan_code {dens:.0f}")
    lines.append(f"persons_in_registry {sum(1 for p in g.persons if p.in_reg)}")
    lines.append(f"persons_not_in_registry {sum(1 for p in g.persons if not p.in_reg)}")
    for k in sorted(g.stats):
        lines.append(f"{k} {g.stats[k]}")
    lines.append("")
    lines.append("[files] source file data_rows damaged_rows bytes")
    for src in ("DUKCAPIL", "PKH", "PBI_JKN", "KIP"):
        fn, n, d, b = files.info[src]
        lines.append(f"{src} {fn} {n} {d} {b}")
    codes = Counter()
    errs = Counter()
    for src, fname, line, key, row, p, damaged, labels in files.truth:
        for l in labels:
            errs[(src, l)] += 1
        if row is not None and not damaged:
            for c in row.codes:
                codes[(src, c)] += 1
    lines.append("")
    lines.append("[codes] source code rows (undamaged rows that truly have the finding)")
    for k in sorted(codes):
        lines.append(f"{k[0]} {k[1]} {codes[k]}")
    lines.append("")
    lines.append("[errors] source label rows")
    for k in sorted(errs):
        lines.append(f"{k[0]} {k[1]} {errs[k]}")
    lines.append("")
    lines.append("[file faults] source kind count (rows, lines or files)")
    for s in sorted(files.faults):
        for k in sorted(files.faults[s]):
            lines.append(f"{s} {k} {files.faults[s][k]}")
    with open(os.path.join(g.a.out, "truth_summary.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    sys.stderr.write(f"specgen: {len(g.persons)} persons, {len(files.truth)} rows into {g.a.out} in {secs:.1f} s\n")


Gen.write_summary = write_summary


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--as-of", default="2026-11-23", help="reference date YYYY-MM-DD (also the file date)")
    ap.add_argument("--density", type=float, default=1.0,
                    help="persons per NIK kecamatan code, as a multiple of %d (4 ~ national average)" % PER_KEC_DENSITY1)
    ap.add_argument("--profile", choices=sorted(PROFILES), default="easy")
    ap.add_argument("--out", required=True)
    ap.add_argument("--data", default=None, help="shared/data directory (default: found from the repo or /work/shared/data)")
    a = ap.parse_args(argv)
    if a.data is None:
        for c in (os.path.join(HERE, "..", "..", "..", "shared", "data"), "/work/shared/data"):
            if os.path.isdir(os.path.join(c, "wilayah")):
                a.data = c
                break
        else:
            ap.error("--data is needed")
    gc.disable()  # millions of small objects that live to the end: the cyclic collector only costs time
    Gen(a).run()


if __name__ == "__main__":
    main()
