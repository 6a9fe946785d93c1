"""The demo's real projects and every figure's source, verified against each publication.

One `Fig` per sourced value. The value marked `chosen` is the one the demo uses; the others are
the register's alternatives (shown beside it, usable as its uncertainty range). A derived value
says how it was derived in `note`. Where no source gives a figure the field is left out: the
project then lists what it lacks. Regenerate the shipped files with `python tools/build_demo.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fig:
    field: str
    value: float
    unit: str
    source: str  # publication and title
    url: str  # empty only for the official brief, which is not public
    as_of: str  # YYYY, YYYY-MM or YYYY-MM-DD: when the source stated it
    note: str = ""
    chosen: bool = True


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    country: str
    lat: float
    lon: float
    operator: str
    deposit_type: str
    stage: str
    product: str
    notes: str
    figures: list[Fig] = field(default_factory=list)


TREO = "t TREO/yr"
NDPR_T = "t NdPr oxide/yr"
SHARE = "t NdPr oxide / t TREO"
YEAR = "year"
OFFICIAL_BRIEF = "Official brief (not public), as restated in resources/india.md"

PROJECTS: list[Project] = [
    Project(
        "irel-domestic",
        "IREL domestic NdPr oxide",
        "IND",
        19.35,
        84.98,
        "IREL (India) Limited",
        "beach-sand monazite",
        "producing",
        "ndpr_oxide",
        "India's sole miner and refiner of rare earths (OSCOM, Chhatrapur; refinery at Aluva). "
        "Three sourced figures for its NdPr oxide disagree; the official 400 t/yr is used. Actual "
        "recent output is lower: ~40 t Nd last year, ~200 t expected by end FY26 and ~500 t by end "
        "FY27 (Business Standard, 2025-11-09). Coordinates: Chhatrapur town, approximate.",
        [
            Fig(
                "nameplate_tpa",
                400,
                NDPR_T,
                OFFICIAL_BRIEF,
                "",
                "2025-11",
                "~400 t/yr NdPr oxide supporting ~1,200 t/yr of magnets (the official calibration)",
            ),
            Fig(
                "nameplate_tpa",
                500,
                NDPR_T,
                "Moneycontrol, 'State-run IREL to help private firms manufacture rare earth "
                "magnets amid China squeeze'",
                "https://www.moneycontrol.com/news/business/state-run-irel-to-help-private-firms-"
                "manufacture-rare-earth-magnets-amid-china-squeeze-13622059.html",
                "2025-11",
                "'around 500 tonnes of NdPr oxide a year, enough for roughly 1,500 "
                "tonnes of sintered REPMs'",
                chosen=False,
            ),
            Fig(
                "nameplate_tpa",
                1500,
                NDPR_T,
                "Primus Partners, 'From Extraction to Innovation: A Blueprint for Enhancing Rare "
                "Earth Magnet Ecosystem in India's EV Roadmap'",
                "https://primuspartners.in/news/from-extraction-to-innovation-a-blueprint-for-"
                "enhancing-rare-earth-magnet-ecosystem-in-indias-ev-roadmap",
                "2025",
                "'Expand IREL's 1,500-tonne/year NdPr oxide capacity': a capacity, not output",
                chosen=False,
            ),
        ],
    ),
    Project(
        "mt-weld",
        "Mt Weld",
        "AUS",
        -28.86,
        122.55,
        "Lynas Rare Earths",
        "carbonatite (weathered)",
        "producing",
        "ndpr_oxide",
        "Mine and concentrator at Mt Weld; cracking at Kalgoorlie; separation in Malaysia. Entered "
        "as NdPr oxide because Lynas separates it itself. Three sourced figures: the Malaysian "
        "separation nameplate (used), the 12,000 t/yr target capacity, and FY23 production.",
        [
            Fig(
                "nameplate_tpa",
                10500,
                NDPR_T,
                "Rare Earth Exchanges, 'Lynas Rare Earths: Scale Achieved - Now for Sustainable "
                "Returns'",
                "https://rareearthexchanges.com/news/lynas-rare-earths-scale-achieved-now-for-"
                "sustainable-returns",
                "2025-09-23",
                "Malaysia: separation upgrades lifted the nameplate to 10,500 tpa NdPr",
            ),
            Fig(
                "nameplate_tpa",
                12000,
                NDPR_T,
                "Australian Mining, 'Lynas' Mt Weld gets a boost'",
                "https://www.australianmining.com.au/lynas-mt-weld-gets-a-boost/",
                "2025-02",
                "targeted production capacity of 12,000 t/yr NdPr finished product",
                chosen=False,
            ),
            Fig(
                "nameplate_tpa",
                6142,
                NDPR_T,
                "Lynas Rare Earths, 2023 Annual Report (FY23)",
                "https://quarterlytics.com/company/lynas-rare-earths_lyc/annual-report-2023",
                "2023-06",
                "FY23 NdPr production (16,780 t total REO)",
                chosen=False,
            ),
        ],
    ),
    Project(
        "mountain-pass",
        "Mountain Pass",
        "USA",
        35.48,
        -115.53,
        "MP Materials",
        "carbonatite (bastnaesite)",
        "producing",
        "ndpr_oxide",
        "Entered as the separated NdPr oxide MP produced in 2024. The mine also produced 45,455 t "
        "REO in concentrate in 2024, NdPr 15.7% of TREO (MP 10-K 2021), much of it historically "
        "sold to Shenghe (China); MP's Independence plant (Texas) makes NdFeB magnets from it.",
        [
            Fig(
                "nameplate_tpa",
                1294,
                NDPR_T,
                "MP Materials, Q4 and full-year 2024 results (via Reportify filings)",
                "https://www.reportify.ai/filings/1090216704908333056",
                "2025-02",
                "record 1,294 t NdPr oxide produced in 2024",
            ),
            Fig(
                "nameplate_tpa",
                1300,
                NDPR_T,
                "MarketScreener, 'MP Materials Restores U.S. Rare Earth Magnet Production'",
                "https://www.marketscreener.com/quote/stock/MP-MATERIALS-CORP-108730348/news/MP-"
                "Materials-Restores-U-S-Rare-Earth-Magnet-Production-48837729/",
                "2025",
                "'approximately 1,300 metric tons of NdPr oxide in 2024'",
                chosen=False,
            ),
        ],
    ),
    Project(
        "white-mesa",
        "White Mesa Mill",
        "USA",
        37.54,
        -109.50,
        "Energy Fuels",
        "monazite from US mineral sands (Chemours)",
        "producing",
        "ndpr_oxide",
        "Phase 1 separation circuit at the White Mesa Mill, Utah, fed with monazite from Chemours' "
        "Florida/Georgia mineral sands. Phase 2 (40,000-60,000 t/yr monazite, 4,000-6,000 t/yr "
        "NdPr, ~2027) is to be fed by Donald, Toliara and Bahia, entered separately here.",
        [
            Fig(
                "nameplate_tpa",
                850,
                NDPR_T,
                "Energy Fuels news release via ADVFN, 'Energy Fuels achieves commercial production "
                "of on-spec NdPr'",
                "https://advfn.com/stock-market/TSX/EFR/stock-news/94012899/energy-fuels-achieves-"
                "commercial-production-of-on",
                "2024-06-10",
                "low end of the Phase 1 design capacity of 850 to 1,000 t NdPr/yr",
            ),
            Fig(
                "nameplate_tpa",
                1000,
                NDPR_T,
                "Energy Fuels news release via ADVFN, 'Energy Fuels achieves commercial production "
                "of on-spec NdPr'",
                "https://advfn.com/stock-market/TSX/EFR/stock-news/94012899/energy-fuels-achieves-"
                "commercial-production-of-on",
                "2024-06-10",
                "high end of the Phase 1 design capacity",
                chosen=False,
            ),
            Fig(
                "first_year",
                2024,
                YEAR,
                "Energy Fuels news release via ADVFN, 'Energy Fuels achieves commercial production "
                "of on-spec NdPr'",
                "https://advfn.com/stock-market/TSX/EFR/stock-news/94012899/energy-fuels-achieves-"
                "commercial-production-of-on",
                "2024-06-10",
                "commercial production June 2024",
            ),
        ],
    ),
    Project(
        "nolans",
        "Nolans",
        "AUS",
        -22.5,
        133.5,
        "Arafura Rare Earths",
        "apatite-monazite (phosphate-hosted)",
        "feasibility",
        "ndpr_oxide",
        "Ore-to-oxide on one site, 135 km north of Alice Springs. FID targeted for H1 2026 after "
        "slipping from 2022 and 2025; more than US$1 billion of debt secured (2024).",
        [
            Fig(
                "nameplate_tpa",
                4440,
                NDPR_T,
                "Mining Weekly, 'Arafura aims for Nolans FID in 2022'",
                "https://www.miningweekly.com/print-version/arafura-aims-for-nolans-fid-in-2022-"
                "2021-05-11",
                "2021-05-11",
                "2021 feasibility update: 4,440 t/y NdPr oxide, 474 t/y HREO over 38 years",
            ),
            Fig(
                "nameplate_tpa",
                4357,
                NDPR_T,
                "Business News, 'Arafura study points to rare earths production boost'",
                "https://www.businessnews.com.au/article/Arafura-study-points-to-rare-earths-"
                "production-boost?amp",
                "2019-02-07",
                "2019 DFS",
                chosen=False,
            ),
            Fig(
                "ndpr_share",
                0.264,
                "t NdPr oxide / t TREO (resource)",
                "Arafura, Nolans",
                "https://www.arultd.com/projects/nolans/",
                "2017-06",
                "NdPr enrichment of the 56 Mt resource; not used by the model for an NdPr oxide "
                "product",
            ),
            Fig(
                "first_year",
                2028,
                YEAR,
                "Stocks Today, 'Arafura's rare earths project faces revised timeline for final "
                "investment decision'",
                "https://www.stockstoday.com/arafuras-rare-earths-project-faces-revised-timeline-"
                "for-final-investment-decision",
                "2025",
                "Derived: FID targeted H1 2026 + about 2 years of construction, the 2019 DFS "
                "schedule (construction 2020 -> commissioning mid-2022, Mining Weekly 2019-02-07)",
            ),
        ],
    ),
    Project(
        "yangibana",
        "Yangibana",
        "AUS",
        -23.85,
        116.0,
        "Hastings Technology Metals",
        "monazite in ironstone dykes (carbonatite complex)",
        "construction",
        "concentrate",
        "Stage 1: mine and beneficiation plant making rare earth concentrate (27% REO); Stage 2: a "
        "hydrometallurgical plant at Onslow for up to 15,000 t/yr MREC. Construction of non-process "
        "infrastructure well advanced (2024).",
        [
            Fig(
                "nameplate_tpa",
                9990,
                TREO,
                "Hastings Technology Metals, Yangibana project page",
                "https://hastingstechmetals.com/rare-earths/yangibana/",
                "2024",
                "Derived: up to 37,000 t/yr concentrate x 27% REO = 9,990 t TREO/yr (Stage 1)",
            ),
            Fig(
                "ndpr_share",
                0.37,
                SHARE,
                "Hastings Technology Metals, Yangibana project page",
                "https://hastingstechmetals.com/rare-earths/yangibana/",
                "2024",
                "life-of-mine NdPr:TREO ratio of 37%",
            ),
            Fig(
                "ndpr_share",
                0.389,
                SHARE,
                "Investor Insight, 'Hastings Yangibana ore reserve tonnes up 37%'",
                "https://investorinsight.com.au/hastings-yangibana-ore-reserve-tonnes-up-37-ndpr-"
                "tonnes-up-18/",
                "2021-08",
                "Derived: reserve 0.37% NdPr / 0.95% TREO",
                chosen=False,
            ),
            Fig(
                "first_year",
                2026,
                YEAR,
                "The Market Online, Hastings annual report: Yangibana moving closer to production",
                "https://themarketonline.com.au/?p=716913",
                "2024-09",
                "first concentrate to be produced by 2026",
            ),
            Fig(
                "resource_treo_t",
                188135,
                "t TREO (ore reserve)",
                "The Market Online, Hastings annual report",
                "https://themarketonline.com.au/?p=716913",
                "2023-01",
                "reserves 20.93 Mt at 0.90% TREO for 188,135 t",
            ),
            Fig(
                "resource_treo_t",
                158400,
                "t TREO (ore reserve)",
                "Investor Insight, 'Hastings Yangibana ore reserve tonnes up 37%'",
                "https://investorinsight.com.au/hastings-yangibana-ore-reserve-tonnes-up-37-ndpr-"
                "tonnes-up-18/",
                "2021-08",
                "2021 reserve",
                chosen=False,
            ),
        ],
    ),
    Project(
        "eneabba",
        "Eneabba refinery",
        "AUS",
        -29.82,
        115.27,
        "Iluka Resources",
        "monazite/xenotime stockpile (mineral sands)",
        "construction",
        "separated",
        "Integrated refinery for separated Nd, Pr, Dy, Tb oxides, fed first by the Eneabba "
        "stockpile, then Balranald, Wimmera and third parties (e.g. Kangankunde concentrate). "
        "Missing: the NdPr share of its 17,500 t/yr was not found in any source: fill it in to "
        "count it.",
        [
            Fig(
                "nameplate_tpa",
                17500,
                TREO,
                "Government of Western Australia, 'Australia's first integrated rare earths "
                "refinery'",
                "https://wa.gov.au/government/announcements/australias-first-integrated-rare-"
                "earths-refinery",
                "2022-04",
                "production capacity of 17,500 t/yr of REO",
            ),
            Fig(
                "first_year",
                2027,
                YEAR,
                "NR Investing, 'Iluka accelerates Eneabba'",
                "https://nrinvesting.com/?p=441223",
                "2025-10",
                "on schedule for commissioning in 2027 (September quarter 2025)",
            ),
            Fig(
                "first_year",
                2025,
                YEAR,
                "Government of Western Australia, 'Australia's first integrated rare earths "
                "refinery'",
                "https://wa.gov.au/government/announcements/australias-first-integrated-rare-"
                "earths-refinery",
                "2022-04",
                "first production earmarked for 2025 (at FID)",
                chosen=False,
            ),
        ],
    ),
]

PROJECTS += [
    Project(
        "dubbo",
        "Dubbo (Toongi)",
        "AUS",
        -32.47,
        148.58,
        "Australian Strategic Materials",
        "alkaline trachyte (polymetallic: REE, Zr, Nb, Hf)",
        "feasibility",
        "ndpr_oxide",
        "All major approvals in place; a 2025 heap-leach scoping study cut capex to A$740m and "
        "targets NdPr, Dy and Tb oxides. Oxides may be metallised at ASM's plant in Ochang, Korea.",
        [
            Fig(
                "nameplate_tpa",
                1157,
                NDPR_T,
                "RockStocks, 'Australian Strategic Materials heap leach cuts costs by 56%'",
                "https://www.rockstocks.ai/articles/australian-strategic-materials-heap-leach-"
                "cuts-costs-by-56?6a8fcbfd_page=3",
                "2025-07-11",
                "heap leach scoping study: ~1,157 t/yr NdPr oxide in its mid-life phase",
            ),
            Fig(
                "first_year",
                2028,
                YEAR,
                "ASM, 'Interactive critical minerals prospectus showcases the Dubbo Project'",
                "https://asm-au.com/interactive-critical-minerals-prospectus-showcases-the-dubbo-"
                "project",
                "2024",
                "targeting FID in 2026 and production in 2028",
            ),
        ],
    ),
    Project(
        "browns-range",
        "Browns Range",
        "AUS",
        -19.0,
        128.9,
        "Northern Minerals",
        "xenotime (heavy rare earths)",
        "feasibility",
        "mixed",
        "A dysprosium project (xenotime), piloted since 2018; its mixed carbonate is rich in Dy, "
        "not NdPr. Missing: NdPr share and a first-production year for the full-scale plant.",
        [
            Fig(
                "nameplate_tpa",
                3098,
                TREO,
                "Northern Minerals, Browns Range overview",
                "http://northernminerals.com.au/browns-range/overview/",
                "2016",
                "full scale: 279,000 kg Dy in 3,098,000 kg TREO per year in mixed carbonate",
            ),
        ],
    ),
    Project(
        "kangankunde",
        "Kangankunde",
        "MWI",
        -15.1,
        34.95,
        "Lindian Resources",
        "carbonatite (monazite)",
        "construction",
        "concentrate",
        "Stage 1: ~55% TREO monazite concentrate over a 45-year life; FID and A$91.5m raise in "
        "August 2025; 15-year offtake of ~6,000 t/yr concentrate to Iluka (Eneabba).",
        [
            Fig(
                "nameplate_tpa",
                8400,
                TREO,
                "Rare Earth Exchanges, 'Kangankunde rare earths: Malawi's big bet with big "
                "caveats'",
                "https://rareearthexchanges.com/news/kangankunde-rare-earths-malawis-big-bet-with-"
                "big-caveats",
                "2025-08",
                "~15,300 t/y concentrate containing ~8,400 t/y REO and ~1,640 t/y NdPr",
            ),
            Fig(
                "nameplate_tpa",
                8415,
                TREO,
                "Engineering News, 'Kangankunde feasibility study supports robust rare earths "
                "project'",
                "https://engineeringnews.co.za/print-version/kangankunde-feasibility-study-"
                "supports-robust-rare-earths-project-2024-07-01",
                "2024-07-01",
                "Derived: 15,300 t/yr concentrate x 55% TREO",
                chosen=False,
            ),
            Fig(
                "ndpr_share",
                0.195,
                SHARE,
                "Rare Earth Exchanges, 'Kangankunde rare earths: Malawi's big bet with big "
                "caveats'",
                "https://rareearthexchanges.com/news/kangankunde-rare-earths-malawis-big-bet-with-"
                "big-caveats",
                "2025-08",
                "Derived: 1,640 t/y NdPr / 8,400 t/y REO",
            ),
            Fig(
                "first_year",
                2026,
                YEAR,
                "Rare Earth Exchanges, 'Kangankunde rare earths: Malawi's big bet with big "
                "caveats'",
                "https://rareearthexchanges.com/news/kangankunde-rare-earths-malawis-big-bet-with-"
                "big-caveats",
                "2025-08",
                "first concentrate guided for late 2026 after FID",
            ),
            Fig(
                "resource_treo_t",
                687300,
                "t TREO (Stage 1 ore reserve)",
                "Rare Earth Exchanges, 'Kangankunde rare earths: Malawi's big bet with big "
                "caveats'",
                "https://rareearthexchanges.com/news/kangankunde-rare-earths-malawis-big-bet-with-"
                "big-caveats",
                "2025-08",
                "Derived: Stage 1 reserves 23.7 Mt x 2.9% TREO",
            ),
        ],
    ),
    Project(
        "songwe-hill",
        "Songwe Hill",
        "MWI",
        -15.82,
        35.65,
        "Mkango Resources",
        "carbonatite",
        "feasibility",
        "mixed",
        "DFS July 2022: MREC grading 55% TREO, separation planned at Mkango's Pulawy plant in "
        "Poland. The DFS assumed mining from February 2025; the project was not producing in late "
        "2025, so the first year is a passed target.",
        [
            Fig(
                "nameplate_tpa",
                5954,
                TREO,
                "Mkango Resources DFS news release (via Grupo Misecop)",
                "https://blog.grupomisecop.com/mkango-announces-results-of-definitive-feasibility-"
                "study/",
                "2022-07-05",
                "average of the first five years of full production",
            ),
            Fig(
                "ndpr_share",
                0.328,
                SHARE,
                "Mkango Resources DFS news release (via Grupo Misecop)",
                "https://blog.grupomisecop.com/mkango-announces-results-of-definitive-feasibility-"
                "study/",
                "2022-07-05",
                "Derived: 1,953 t/y NdPr oxide / 5,954 t/y TREO",
            ),
            Fig(
                "dytb_share",
                0.0094,
                "t Dy+Tb oxide / t TREO",
                "Mkango Resources DFS news release (via Grupo Misecop)",
                "https://blog.grupomisecop.com/mkango-announces-results-of-definitive-feasibility-"
                "study/",
                "2022-07-05",
                "Derived: 56 t/y Dy+Tb oxide / 5,954 t/y TREO",
            ),
            Fig(
                "first_year",
                2025,
                YEAR,
                "Mkango Resources DFS news release (via Grupo Misecop)",
                "https://blog.grupomisecop.com/mkango-announces-results-of-definitive-feasibility-"
                "study/",
                "2022-07-05",
                "production ramping up from July 2025 (a passed target)",
            ),
        ],
    ),
    Project(
        "ngualla",
        "Ngualla",
        "TZA",
        -8.0,
        32.6,
        "Peak Rare Earths (84%); Government of Tanzania",
        "carbonatite (weathered bastnaesite)",
        "feasibility",
        "concentrate",
        "Updated BFS Oct 2022; special mining licence April 2023. The 2023 plan (FID May 2023, "
        "two-year build, first concentrate mid-2025) has passed without production, so the first "
        "year is a passed target. Coordinates rough.",
        [
            Fig(
                "nameplate_tpa",
                16200,
                TREO,
                "Mining Weekly, 'Ngualla rare earth project, Tanzania - update'",
                "http://www.miningweekly.com/print-version/ngualla-rare-earth-project-tanzania-"
                "update-2023-05-05",
                "2023-05-05",
                "16,200 t/y TREO in concentrate (~45% TREO) over a 24-year life",
            ),
            Fig(
                "ndpr_share",
                0.228,
                SHARE,
                "GBR interview with Bardin Davis, CEO Peak Rare Earths",
                "https://gbreports.com/interview/bardin-davis",
                "2023-03-03",
                "Derived: ~3,700 t/yr contained NdPr / 16,200 t/yr TREO",
            ),
            Fig(
                "first_year",
                2025,
                YEAR,
                "GBR interview with Bardin Davis, CEO Peak Rare Earths",
                "https://gbreports.com/interview/bardin-davis",
                "2023-03-03",
                "first concentrate targeted for mid-2025 (a passed target)",
            ),
            Fig(
                "resource_treo_t",
                887000,
                "t TREO (ore reserve)",
                "Mining Weekly, 'Ngualla rare earth project, Tanzania - update'",
                "http://www.miningweekly.com/print-version/ngualla-rare-earth-project-tanzania-"
                "update-2023-05-05",
                "2023-05-05",
                "18.5 Mt at 4.8% TREO",
            ),
        ],
    ),
    Project(
        "longonjo",
        "Longonjo",
        "AGO",
        -12.91,
        15.25,
        "Pensana (84%)",
        "carbonatite (weathered)",
        "construction",
        "mixed",
        "Staged development near the Lobito rail corridor. Two sourced NdPr shares: of the planned "
        "output (used) and of the ore reserve.",
        [
            Fig(
                "nameplate_tpa",
                14000,
                TREO,
                "OrePulse, 'Pensana draws down first equity tranche funding from Angolan fund for "
                "Longonjo construction'",
                "https://www.orepulse.com/news/Pensana-draws-down-first-equity-tranche-funding-"
                "from-Angolan-fund-for-Longonjo-construction",
                "2025-01",
                "up to 38,000 t/y mixed sulphate/carbonate containing 14,000 t TREO at full "
                "production",
            ),
            Fig(
                "ndpr_share",
                0.314,
                SHARE,
                "OrePulse, 'Pensana draws down first equity tranche funding from Angolan fund for "
                "Longonjo construction'",
                "https://www.orepulse.com/news/Pensana-draws-down-first-equity-tranche-funding-"
                "from-Angolan-fund-for-Longonjo-construction",
                "2025-01",
                "Derived: up to 4,400 t NdPr oxide / 14,000 t TREO",
            ),
            Fig(
                "ndpr_share",
                0.216,
                "t NdPr oxide / t TREO (ore reserve)",
                "Mining Weekly, 'Longonjo NdPr project, Angola - update'",
                "http://www.miningweekly.com/print-version/longonjo-neodymiumpraseodymium-project-"
                "angola-update-2023-11-03",
                "2023-11-03",
                "Derived: 166,000 t NdPr / 767,000 t TREO in reserves",
                chosen=False,
            ),
            Fig(
                "first_year",
                2026,
                YEAR,
                "OrePulse, 'Pensana draws down first equity tranche funding from Angolan fund for "
                "Longonjo construction'",
                "https://www.orepulse.com/news/Pensana-draws-down-first-equity-tranche-funding-"
                "from-Angolan-fund-for-Longonjo-construction",
                "2025-01",
                "initial production expected to start in 2026",
            ),
            Fig(
                "resource_treo_t",
                767000,
                "t TREO (ore reserve)",
                "Mining Weekly, 'Longonjo NdPr project, Angola - update'",
                "http://www.miningweekly.com/print-version/longonjo-neodymiumpraseodymium-project-"
                "angola-update-2023-11-03",
                "2023-11-03",
                "30.1 Mt reserves",
            ),
        ],
    ),
    Project(
        "phalaborwa",
        "Phalaborwa",
        "ZAF",
        -23.94,
        31.14,
        "Rainbow Rare Earths (85%)",
        "phosphogypsum stacks",
        "prefeasibility",
        "ndpr_oxide",
        "Rare earths recovered from phosphogypsum stacks, separated on site by solvent extraction "
        "(chosen Nov 2025). DFS due 2026, construction from 2027.",
        [
            Fig(
                "nameplate_tpa",
                1825,
                NDPR_T,
                "Mining Weekly (Creamer Media), 'Phalaborwa Rare Earths Project, South Africa - "
                "update'",
                "https://newsletter.mw.creamermedia.com/article/phalaborwa-rare-earths-project-"
                "south-africa-update-2025-10-31",
                "2025-10-31",
                "Derived: 2.2 Mt/yr processed x 0.44% TREO (Rainbow) x 29% NdPr (Rainbow) x 65% "
                "magnet REE recovery = 1,825 t/yr NdPr oxide",
            ),
            Fig(
                "nameplate_tpa",
                1900,
                "t magnet REO/yr (Nd, Pr, Dy, Tb)",
                "Mining Weekly (Creamer Media), 'Phalaborwa Rare Earths Project, South Africa - "
                "update'",
                "https://newsletter.mw.creamermedia.com/article/phalaborwa-rare-earths-project-"
                "south-africa-update-2025-10-31",
                "2025-10-31",
                "interim economic study: ~1,900 t/y magnet REO; an upper bound, as it includes "
                "Dy and Tb",
                chosen=False,
            ),
            Fig(
                "ndpr_share",
                0.29,
                "t NdPr oxide / t TREO (resource)",
                "Rainbow Rare Earths, Phalaborwa project page",
                "https://www.rainbowrareearths.com/project/phalaborwa/",
                "2025",
                "NdPr is 29% of contained TREO (30.4 Mt at 0.44% TREO)",
            ),
            Fig(
                "first_year",
                2028,
                YEAR,
                "Miningmx, 'Rainbow relishes benefits of a growing rare earths family'",
                "https://www.miningmx.com/top-story/63551-rainbow-relishes-benefits-of-a-growing-"
                "rare-earths-family",
                "2025",
                "will produce rare earths from 2028",
            ),
        ],
    ),
    Project(
        "serra-verde",
        "Serra Verde (Pela Ema)",
        "BRA",
        -13.53,
        -48.22,
        "Serra Verde (Denham Capital, EMG, Vision Blue)",
        "ionic clay",
        "producing",
        "concentrate",
        "Commercial MREC production since 2024, ramping to ~6,500 t/yr REO by 2027; US DFC "
        "financing of US$565m (2026). Missing: the NdPr share of its concentrate was not found in "
        "any source: fill it in to count it.",
        [
            Fig(
                "nameplate_tpa",
                5000,
                TREO,
                "Mining.com, 'Serra Verde enters commercial production'",
                "https://mining.com/serra-verde-enters-commercial-production-in-brazil",
                "2024-01",
                "at least 5,000 t/yr REO once Phase I is ramped up",
            ),
            Fig(
                "nameplate_tpa",
                6500,
                TREO,
                "Mining.com, 'Brazil's only rare earth producer offers US stake option for loan "
                "deal'",
                "https://www.mining.com/web/brazils-only-rare-earth-producer-offers-us-stake-"
                "option-for-loan-deal",
                "2026",
                "full output of about 6,500 t/yr REO expected",
                chosen=False,
            ),
            Fig(
                "first_year",
                2024,
                YEAR,
                "Mining.com, 'Serra Verde enters commercial production'",
                "https://mining.com/serra-verde-enters-commercial-production-in-brazil",
                "2024-01",
                "commercial production began early 2024",
            ),
        ],
    ),
    Project(
        "penco",
        "Penco Module",
        "CHL",
        -36.74,
        -72.99,
        "Aclara Resources",
        "ionic clay (heavy RE)",
        "feasibility",
        "ndpr_oxide",
        "Chile (an India MoU partner). Ionic clays near Concepcion. Entered as the NdPr oxide in "
        "its mixed carbonate: Aclara plans to separate at its own plant in Louisiana, so the "
        "figure assumes that separation, not Indian separation capacity.",
        [
            Fig(
                "nameplate_tpa",
                125,
                NDPR_T,
                "Asian Metal, interview with Ramon Barua, CEO Aclara",
                "https://wap.asianmetal.com/interview/2024/interview_ram%C3%B3nbar%C3%BAaEn.shtml",
                "2024",
                "125 t PrNd, 44 t Dy and 6 t Tb oxide per year",
            ),
            Fig(
                "first_year",
                2027,
                YEAR,
                "Asian Metal, interview with Ramon Barua, CEO Aclara",
                "https://wap.asianmetal.com/interview/2024/interview_ram%C3%B3nbar%C3%BAaEn.shtml",
                "2024",
                "expected to start production in 2027",
            ),
        ],
    ),
]

PROJECTS += [
    Project(
        "carina",
        "Carina Module",
        "BRA",
        -13.85,
        -46.96,
        "Aclara Resources",
        "ionic clay (heavy RE)",
        "prefeasibility",
        "mixed",
        "Heavy-rare-earth ionic clay in Goias. PFS published late 2025 (after-tax NPV ~US$1.1bn, "
        "capex US$548m + US$132m contingency); its mixed carbonate is to be separated at Aclara's "
        "planned Louisiana plant.",
        [
            Fig(
                "nameplate_tpa",
                4737,
                TREO,
                "Asian Metal, interview with Ramon Barua, CEO Aclara",
                "https://wap.asianmetal.com/interview/2024/interview_ram%C3%B3nbar%C3%BAaEn.shtml",
                "2024",
                "Derived: 1,350 t/yr PrNd oxide / 28.5% PrNd in the MREC",
            ),
            Fig(
                "ndpr_share",
                0.285,
                SHARE,
                "Asian Metal, interview with Ramon Barua, CEO Aclara",
                "https://wap.asianmetal.com/interview/2024/interview_ram%C3%B3nbar%C3%BAaEn.shtml",
                "2024",
                "MREC with 28.5% PrNd, 3.4% Dy and 0.6% Tb",
            ),
            Fig(
                "dytb_share",
                0.04,
                "t Dy+Tb oxide / t TREO",
                "Asian Metal, interview with Ramon Barua, CEO Aclara",
                "https://wap.asianmetal.com/interview/2024/interview_ram%C3%B3nbar%C3%BAaEn.shtml",
                "2024",
                "Derived: 3.4% Dy + 0.6% Tb",
            ),
            Fig(
                "first_year",
                2028,
                YEAR,
                "MarketScreener, 'Aclara Resources files environmental impact assessment and "
                "updates Carina'",
                "https://ch.marketscreener.com/kurs/aktie/ACLARA-RESOURCES-INC-130552519/news/"
                "Aclara-Resources-Inc-reicht-Umweltvertraglichkeitsprufung-ein-und-gibt-Update-zu-"
                "seinem-Carina-Pr-50101848/",
                "2025",
                "commercial production of rare earths in 2028",
            ),
            Fig(
                "first_year",
                2027,
                YEAR,
                "Mining.com, 'Aclara Resources to start rare earths production in Brazil in 2027'",
                "https://mining.com/aclara-resources-to-start-rare-earths-production-in-brazil-in-"
                "2027",
                "2024-09",
                "as early as 2027, or possibly 2028",
                chosen=False,
            ),
        ],
    ),
    Project(
        "caldeira",
        "Caldeira",
        "BRA",
        -21.79,
        -46.57,
        "Meteoric Resources",
        "ionic clay",
        "prefeasibility",
        "mixed",
        "Ionic clay near Pocos de Caldas; PFS July 2025 (103 Mt reserve at 4,091 ppm TREO, 6 Mtpa; "
        "~4,228 t/yr NdPr oxide on average); preliminary environmental licence Dec 2025; pilot "
        "plant producing MREC.",
        [
            Fig(
                "nameplate_tpa",
                11452,
                TREO,
                "Investing News, 'High-grade Figueira resource improves financial metrics of the "
                "Caldeira scoping study'",
                "https://investingnews.com/high-grade-figueira-resource-improves-financial-"
                "metrics-of-the-caldeira-scoping-study/",
                "2024-10-22",
                "Derived: 57,258 t TREO in the first five years / 5",
            ),
            Fig(
                "ndpr_share",
                0.316,
                SHARE,
                "Investing News, 'High-grade Figueira resource improves financial metrics of the "
                "Caldeira scoping study'",
                "https://investingnews.com/high-grade-figueira-resource-improves-financial-"
                "metrics-of-the-caldeira-scoping-study/",
                "2024-10-22",
                "Derived: 18,109 t NdPr / 57,258 t TREO in the first five years",
            ),
            Fig(
                "first_year",
                2028,
                YEAR,
                "Middle.news, 'Meteoric advances Caldeira project with environmental licence and "
                "first rare earth carbonate output'",
                "https://www.middle.news/articles/2026/01/27/meteoric-resources-secures-key-"
                "approvals-and-advances-pilot-plant-at-caldeira/amp",
                "2026-01-27",
                "on track for first production in 2028",
            ),
        ],
    ),
    Project(
        "colossus",
        "Colossus",
        "BRA",
        -21.85,
        -46.55,
        "Viridis Mining and Minerals",
        "ionic clay",
        "prefeasibility",
        "mixed",
        "PFS July 2025 (5 Mtpa, capex US$286m excl. contingency). Missing: annual TREO output and "
        "NdPr share (the sources give resource grades and economics, not the output).",
        [
            Fig(
                "first_year",
                2028,
                YEAR,
                "ShareCafe, 'VMM's Colossus project PFS reveals world-class rare earth economics'",
                "https://www.sharecafe.com.au/2025/07/09/vmms-colossus-project-pfs-reveals-world-"
                "class-rare-earth-economics",
                "2025-07-09",
                "production targeted for 2028",
            ),
        ],
    ),
    Project(
        "araxa",
        "Araxa",
        "BRA",
        -19.6,
        -46.9,
        "St George Mining",
        "carbonatite (REE-niobium)",
        "exploration",
        "concentrate",
        "REE-niobium deposit beside CBMM's niobium mine. Missing: annual output (studies due "
        "2026).",
        [
            Fig(
                "first_year",
                2029,
                YEAR,
                "Murray Advogados, citing Valor: St George may invest up to US$350m in Araxa",
                "https://murray.adv.br/en/tag/rare-earths",
                "2025-12-29",
                "operations expected in 2028 for niobium and 2029 for rare earths",
            ),
            Fig(
                "ndpr_share",
                0.191,
                "t NdPr oxide / t TREO (resource)",
                "Stockhead, 'St George's Araxa project shapes up as standout REE supplier'",
                "https://stockhead.com.au/resources/st-georges-araxa-project-shapes-up-as-"
                "standout-ree-supplier/",
                "2025-04",
                "Derived: 320,000 t NdPr / (40.64 Mt x 4.13% TREO)",
            ),
            Fig(
                "resource_treo_t",
                1678432,
                "t TREO (mineral resource)",
                "Stockhead, 'St George's Araxa project shapes up as standout REE supplier'",
                "https://stockhead.com.au/resources/st-georges-araxa-project-shapes-up-as-"
                "standout-ree-supplier/",
                "2025-04",
                "Derived: 40.64 Mt x 4.13% TREO",
            ),
        ],
    ),
    Project(
        "donald",
        "Donald",
        "AUS",
        -36.46,
        142.59,
        "Astron (51%); Energy Fuels (49%)",
        "mineral sands (monazite, xenotime)",
        "feasibility",
        "concentrate",
        "Phase 1 of a mineral sands mine; all rare earth concentrate is under offtake to Energy "
        "Fuels' White Mesa Mill (USA). FID targeted for late 2025.",
        [
            Fig(
                "nameplate_tpa",
                4230,
                TREO,
                "Middle.news, 'Astron advances Donald project with $837M NPV and 2027 production "
                "target'",
                "https://www.middle.news/articles/2025/07/22/astron-advances-donald-project-with-"
                "837m-npv-and-2027-production-target",
                "2025-07-22",
                "Derived: 7,200 t/yr REEC x (4,700 t TREO per 8,000 t REEC, CBCIE 2024)",
            ),
            Fig(
                "ndpr_share",
                0.211,
                SHARE,
                "CBCIE (Mining Weekly), 'Energy Fuels forms JV with Astron for Donald'",
                "https://en.cbcie.com/news/1359677.html",
                "2024",
                "Derived: 990 t NdPr oxide in 4,700 t TREO per 8,000 t REEC",
            ),
            Fig(
                "dytb_share",
                0.0209,
                "t Dy+Tb oxide / t TREO",
                "CBCIE (Mining Weekly), 'Energy Fuels forms JV with Astron for Donald'",
                "https://en.cbcie.com/news/1359677.html",
                "2024",
                "Derived: (84 t Dy + 14 t Tb oxide) / 4,700 t TREO",
            ),
            Fig(
                "first_year",
                2027,
                YEAR,
                "Middle.news, 'Astron advances Donald project with $837M NPV and 2027 production "
                "target'",
                "https://www.middle.news/articles/2025/07/22/astron-advances-donald-project-with-"
                "837m-npv-and-2027-production-target",
                "2025-07-22",
                "production slated for 2027",
            ),
        ],
    ),
    Project(
        "toliara",
        "Toliara (monazite)",
        "MDG",
        -22.95,
        43.6,
        "Energy Fuels",
        "mineral sands (monazite)",
        "prefeasibility",
        "concentrate",
        "Monazite from the tailings of a large mineral sands project (Ranobe deposit); fiscal "
        "suspension lifted Nov 2024; FID targeted early 2026; monazite to feed White Mesa (USA).",
        [
            Fig(
                "nameplate_tpa",
                11990,
                TREO,
                "Mining Weekly, 'Toliara mineral sands project - monazite project, Madagascar'",
                "https://www.miningweekly.com/print-version/toliara-mineral-sands-project-monazite-"
                "project-madagascar-2024-03-08",
                "2024-03-08",
                "Derived: 21,800 t/y monazite x 55% REO (low end of 55-60% for monazite, Argus: "
                "https://www.argusmedia.com/en/news-and-insights/latest-market-news/2571275-re-"
                "monazite-demand-shifts-mineral-sands-supply-chain)",
            ),
            Fig(
                "ndpr_share",
                0.234,
                SHARE,
                "Mining Weekly, 'Toliara mineral sands project - monazite project, Madagascar'",
                "https://www.miningweekly.com/print-version/toliara-mineral-sands-project-monazite-"
                "project-madagascar-2024-03-08",
                "2024-03-08",
                "Derived: 2,800 t/y NdPr / 11,990 t/y TREO",
            ),
            Fig(
                "first_year",
                2028,
                YEAR,
                "The Northern Miner, 'Madagascar lifts suspension on Energy Fuels' critical "
                "minerals project'",
                "https://secure.northernminer.com/news/madagascar-lifts-suspension-on-energy-"
                "fuels-critical-minerals-project/1003873587",
                "2024-11",
                "Derived: FID by early 2026 + ~27 months of construction (Base Resources, Mining "
                "Weekly 2023-09-07)",
            ),
        ],
    ),
    Project(
        "fen",
        "Fen",
        "NOR",
        59.27,
        9.30,
        "Rare Earths Norway",
        "carbonatite (deep)",
        "exploration",
        "ndpr_oxide",
        "Europe's largest rare earth deposit (15.9 Mt TREO, 19% NdPr). Has an extraction permit, "
        "needs an operating permit. The output is stated in t NdPr; whether it is separated on "
        "site is not stated: entered as NdPr oxide, which assumes separation before delivery.",
        [
            Fig(
                "nameplate_tpa",
                800,
                NDPR_T,
                "MQ World (Reuters), 'Rare Earths Norway says estimate of Europe's biggest deposit "
                "jumps 81%'",
                "https://mqworld.com/rare-earths-norway-says-estimate-of-europes-biggest-deposit-"
                "jumps-81",
                "2026",
                "800 tons of NdPr by 2032",
            ),
            Fig(
                "first_year",
                2031,
                YEAR,
                "MQ World (Reuters), 'Rare Earths Norway says estimate of Europe's biggest deposit "
                "jumps 81%'",
                "https://mqworld.com/rare-earths-norway-says-estimate-of-europes-biggest-deposit-"
                "jumps-81",
                "2026",
                "production expected to start in late 2031",
            ),
        ],
    ),
    Project(
        "halleck-creek",
        "Halleck Creek",
        "USA",
        41.75,
        -105.35,
        "American Rare Earths",
        "granite-hosted (monazite, bastnaesite)",
        "exploration",
        "separated",
        "Scoping study (Feb 2025), 3 Mtpa base case with an off-site refinery making oxides; on "
        "Wyoming state land. The first year is the company's stated hope for full production.",
        [
            Fig(
                "nameplate_tpa",
                4169,
                TREO,
                "Resource World, 'American Rare Earths updates Halleck Creek rare earths project'",
                "https://resourceworld.com/?p=92462",
                "2025-02",
                "3 Mtpa base case: ~4,169 t/yr TREO incl. 1,833 t NdPr oxide",
            ),
            Fig(
                "nameplate_tpa",
                7661,
                TREO,
                "Resource World, 'American Rare Earths updates Halleck Creek rare earths project'",
                "https://resourceworld.com/?p=92462",
                "2025-02",
                "6 Mtpa case",
                chosen=False,
            ),
            Fig(
                "ndpr_share",
                0.44,
                SHARE,
                "Resource World, 'American Rare Earths updates Halleck Creek rare earths project'",
                "https://resourceworld.com/?p=92462",
                "2025-02",
                "Derived: 1,833 t NdPr oxide / 4,169 t TREO",
            ),
            Fig(
                "first_year",
                2030,
                YEAR,
                "GBR, interview with Melissa Sanderson, American Rare Earths",
                "https://projects.gbreports.com/western-usa-mining-2024/american-rare-earths-"
                "interview",
                "2024",
                "'from 2030 onward, when hopefully ARR will be in full production'",
            ),
            Fig(
                "first_year",
                2026,
                YEAR,
                "Mining.com.au, 'Realising the American Rare Earths dream'",
                "https://mining.com.au/realising-the-american-rare-earths-dream/",
                "2023",
                "production 'as early as 2026' (2023)",
                chosen=False,
            ),
        ],
    ),
    Project(
        "bahia",
        "Bahia (Prado-Caravelas)",
        "BRA",
        -17.6,
        -39.3,
        "Energy Fuels",
        "mineral sands (monazite)",
        "exploration",
        "concentrate",
        "Heavy mineral sands with monazite for White Mesa (USA). The first year is the end of the "
        "2026-2028 ramp-up window Energy Fuels gave for its three monazite sources (Bahia, Donald, "
        "Toliara): an interpretation, not a Bahia-specific date.",
        [
            Fig(
                "nameplate_tpa",
                1500,
                TREO,
                "Mining Weekly, 'Energy Fuels completes Bahia project acquisition'",
                "https://www.miningweekly.com/print-version/energy-fuels-completes-bahia-project-"
                "acquisition-2023-02-14",
                "2023-02-14",
                "low end: 3,000-10,000 t/yr monazite concentrate holds ~1,500-5,000 t TREO",
            ),
            Fig(
                "nameplate_tpa",
                5000,
                TREO,
                "Mining Weekly, 'Energy Fuels completes Bahia project acquisition'",
                "https://www.miningweekly.com/print-version/energy-fuels-completes-bahia-project-"
                "acquisition-2023-02-14",
                "2023-02-14",
                "high end",
                chosen=False,
            ),
            Fig(
                "ndpr_share",
                0.2,
                SHARE,
                "Mining Weekly, 'Energy Fuels completes Bahia project acquisition'",
                "https://www.miningweekly.com/print-version/energy-fuels-completes-bahia-project-"
                "acquisition-2023-02-14",
                "2023-02-14",
                "Derived: 300-1,000 t NdPr in 1,500-5,000 t TREO",
            ),
            Fig(
                "first_year",
                2028,
                YEAR,
                "CBCIE (Mining Weekly), Energy Fuels secures monazite supply",
                "https://en.cbcie.com/news/1346801.html",
                "2024",
                "end of the expected 2026-2028 ramp-up of Bahia, Donald and Toliara",
            ),
        ],
    ),
    Project(
        "src-saskatoon",
        "SRC Rare Earth Processing Facility",
        "CAN",
        52.13,
        -106.67,
        "Saskatchewan Research Council",
        "monazite concentrate (bought in)",
        "producing",
        "ndpr_oxide",
        "Monazite-to-metal facility in Saskatoon. Its product is NdPr metal; entered as the oxide "
        "equivalent so that the model's oxide-to-metal step gives back the stated metal tonnage "
        "(exact while oxide_to_metal is 0.85).",
        [
            Fig(
                "nameplate_tpa",
                471,
                NDPR_T,
                "Canadian Mining Journal, 'SRC produces rare earth metals at commercial scale'",
                "https://canadianminingjournal.com/?p=1003772296",
                "2024",
                "Derived: ~400 t/yr NdPr metal once fully operational / 0.85 t metal per t oxide",
            ),
            Fig(
                "first_year",
                2025,
                YEAR,
                "Canadian Mining Journal, 'SRC produces rare earth metals at commercial scale'",
                "https://canadianminingjournal.com/?p=1003772296",
                "2024",
                "fully operational in early 2025",
            ),
        ],
    ),
]

PROJECTS += [
    Project(
        "kvanefjeld",
        "Kvanefjeld",
        "GRL",
        60.97,
        -45.97,
        "Energy Transition Minerals",
        "alkaline intrusion (steenstrupine; REE-U-Zn)",
        "feasibility",
        "mixed",
        "Feasibility 2016, optimised 2019; stalled since Greenland's 2021 uranium law. Missing: a "
        "first-production year (no schedule while the licence dispute lasts).",
        [
            Fig(
                "nameplate_tpa",
                32000,
                TREO,
                "Mining Weekly, 'Kvanefjeld rare earths project, Greenland - update'",
                "https://www.miningweekly.com/print-version/kvanefjeldrare-earths-project-"
                "greenland-update-2024-01-26",
                "2024-01-26",
                "32,000 t/y REO at 3 Mt/y (2019 optimised feasibility study)",
            ),
            Fig(
                "nameplate_tpa",
                30000,
                TREO,
                "Mining Weekly, 'Kvanefjeld rare earths project, Greenland - update'",
                "https://www.miningweekly.com/print-version/kvanefjeldrare-earths-project-"
                "greenland-update-2024-01-26",
                "2024-01-26",
                "2016 feasibility study",
                chosen=False,
            ),
            Fig(
                "ndpr_share",
                0.1775,
                SHARE,
                "Mining Weekly, 'Kvanefjeld rare earths project, Greenland - update'",
                "https://www.miningweekly.com/print-version/kvanefjeldrare-earths-project-"
                "greenland-update-2024-01-26",
                "2024-01-26",
                "Derived: (4,260 t Nd oxide + 1,420 t Pr oxide) / 32,000 t REO",
            ),
        ],
    ),
    Project(
        "tanbreez",
        "Tanbreez",
        "GRL",
        60.95,
        -45.75,
        "Critical Metals Corp",
        "eudialyte kakortokite (heavy RE)",
        "exploration",
        "concentrate",
        "Heavy-rare-earth deposit (27% HREO). The PEA's 'initial production ~85,000 tpa REO' is "
        "not used: at 0.4% TREO ore and 2.5% REO concentrate the unit is doubtful. Missing: a "
        "credible annual output, the NdPr share and a first year (bankable study due Q4 2025).",
        [
            Fig(
                "resource_treo_t",
                170030,
                "t TREO (mineral resource)",
                "The Northern Miner, 'Critical Metals' Tanbreez REE in Greenland on track'",
                "https://secure.northernminer.com/news/critical-metals-tanbreez-ree-in-greenland-"
                "on-track/1003882127",
                "2025-09",
                "Derived: 25.4 Mt at 0.37% + 19.5 Mt at 0.39% TREO (indicated + inferred)",
            ),
        ],
    ),
    Project(
        "strange-lake",
        "Strange Lake",
        "CAN",
        56.33,
        -64.17,
        "Torngat Metals",
        "peralkaline granite (heavy RE)",
        "prefeasibility",
        "separated",
        "Light and heavy rare earths in northern Quebec; separation planned in southern Quebec; "
        "backed by Cerberus (US$50m). Missing: NdPr share and a current first-year target (the "
        "2019 target of 2023 has passed; feasibility study due 2025).",
        [
            Fig(
                "nameplate_tpa",
                11500,
                TREO,
                "Asian Metal, interview with Dirk Naumann, CEO Torngat Metals",
                "http://www.asianmetal.com/metal_cron/2019/index_lunshi_naumann_en.shtml",
                "2019",
                "aim to supply 11,500 t/yr of a full range of rare earth products",
            ),
        ],
    ),
    Project(
        "lofdal",
        "Lofdal",
        "NAM",
        -20.4,
        14.4,
        "Namibia Critical Metals; JOGMEC (40%)",
        "carbonatite (xenotime, heavy RE)",
        "exploration",
        "mixed",
        "A dysprosium-terbium project partnered with Japan's JOGMEC; PFS due end-2025. Missing: "
        "NdPr share (a heavy-RE deposit) and a first year.",
        [
            Fig(
                "nameplate_tpa",
                2000,
                TREO,
                "Mining Weekly, 'Lofdal heavy rare earth project, Namibia - update'",
                "https://www.miningweekly.com/print-version/lofdal-heavy-rare-earth-project-"
                "namibia-update-2023-03-09",
                "2023-03-10",
                "PEA 2022: 2,000 t/y TREO incl. 117 t/y Dy and 17.5 t/y Tb",
            ),
            Fig(
                "dytb_share",
                0.0675,
                "t Dy+Tb oxide / t TREO",
                "Mining Weekly, 'Lofdal heavy rare earth project, Namibia - update'",
                "https://www.miningweekly.com/print-version/lofdal-heavy-rare-earth-project-"
                "namibia-update-2023-03-09",
                "2023-03-10",
                "Derived: (117 + 17.5) / 2,000",
            ),
        ],
    ),
    Project(
        "makuutu",
        "Makuutu",
        "UGA",
        0.55,
        33.6,
        "Ionic Rare Earths (60%)",
        "ionic clay",
        "feasibility",
        "mixed",
        "Stage 1 DFS (March 2023): heap desorption to MREC, 71% magnet plus heavy REO. The first "
        "MREC target (Q4 2024) has passed. Missing: the NdPr share (the DFS groups magnet and "
        "heavy rare earths together).",
        [
            Fig(
                "nameplate_tpa",
                1300,
                TREO,
                "The Assay, 'Ionic Rare Earths unveils positive Makuutu DFS'",
                "https://theassay.com/news/ionic-rare-earths-unveils-positive-makuutu-dfs",
                "2023-03",
                "~1,300 t/yr REO over the first 10 years",
            ),
            Fig(
                "first_year",
                2024,
                YEAR,
                "The Assay, 'Ionic Rare Earths unveils positive Makuutu DFS'",
                "https://theassay.com/news/ionic-rare-earths-unveils-positive-makuutu-dfs",
                "2023-03",
                "first MREC targeted for Q4 2024 (a passed target)",
            ),
        ],
    ),
    Project(
        "steenkampskraal",
        "Steenkampskraal",
        "ZAF",
        -31.3,
        18.6,
        "Steenkampskraal Monazite Mine",
        "monazite vein (very high grade)",
        "construction",
        "concentrate",
        "Restart of a 1950s monazite mine: concentrate first, then a cracking plant (2026) for "
        "mixed carbonate. Missing: the NdPr share of its output.",
        [
            Fig(
                "nameplate_tpa",
                2700,
                TREO,
                "NS Energy, 'Steenkampskraal rare earth elements mine'",
                "https://www.nsenergybusiness.com/projects/steenkampskraal-rare-earth-elements-"
                "mine/",
                "2020",
                "~2,700 t of contained REO a year",
            ),
            Fig(
                "first_year",
                2024,
                YEAR,
                "African Mining News, 'Steenkampskraal sets out rare earth production timelines'",
                "https://www.africanminingnews.co.za/steenkampskraal-sets-out-rare-earth-"
                "production-timelines/",
                "2024",
                "first monazite concentrate expected by December 2024",
            ),
        ],
    ),
    Project(
        "goschen",
        "Goschen",
        "AUS",
        -35.6,
        143.5,
        "VHM",
        "mineral sands (monazite, xenotime)",
        "feasibility",
        "concentrate",
        "Mineral sands with a rare earth mineral concentrate; offtake for the first three years "
        "with Shenghe (China). Missing: TREO output, NdPr share; the H1 2025 first-production "
        "target has passed.",
        [
            Fig(
                "resource_treo_t",
                413000,
                "t TREO (contained)",
                "VHM, 'From mine to magnet: an investor's roadmap to rare earth elements'",
                "https://www.vhmltd.com.au/in-the-media/from-mine-to-magnet-an-investors-roadmap-"
                "to-rare-earth-elements/",
                "2024",
                "more than 413,000 t contained TREO",
            ),
        ],
    ),
    Project(
        "wicheeda",
        "Wicheeda",
        "CAN",
        54.5,
        -122.1,
        "Defense Metals",
        "carbonatite (bastnaesite)",
        "prefeasibility",
        "concentrate",
        "PFS Feb 2025 (capex US$1.4bn, 15-year life): flotation concentrate then MREC after "
        "removing Ce and La. Missing: a first-production year.",
        [
            Fig(
                "nameplate_tpa",
                31900,
                TREO,
                "Stock Titan, 'Defense Metals - robust economics from Wicheeda rare earth deposit "
                "PFS'",
                "https://stocktitan.net/news/DFMTF/defense-metals-robust-economics-from-wicheeda-"
                "rare-earth-deposit-e505onri1rmj.html",
                "2025-02-18",
                "average 31,900 t/yr TREO in concentrate",
            ),
            Fig(
                "ndpr_share",
                0.142,
                SHARE,
                "Stock Titan, 'Defense Metals - robust economics from Wicheeda rare earth deposit "
                "PFS'",
                "https://stocktitan.net/news/DFMTF/defense-metals-robust-economics-from-wicheeda-"
                "rare-earth-deposit-e505onri1rmj.html",
                "2025-02-18",
                "Derived: ~5,200 t TREO in MREC x 87.3% NdPr / 31,900 t TREO in concentrate",
            ),
        ],
    ),
]


@dataclass(frozen=True)
class PlantSpec:
    id: str
    name: str
    stage: str
    status: str
    firm_id: str
    notes: str
    figures: list[Fig] = field(default_factory=list)


SCHEME_SOURCE = "NDTV, 'Cabinet clears Rs 7,280 crore scheme for manufacturing rare earth magnets'"
SCHEME_URL = (
    "https://www.ndtv.com/india-news/cabinet-clears-rs-7-280-crore-scheme-for-manufacturing-rare-"
    "earth-magnets-9704388"
)
IREL_SOURCE = (
    "The Hindu BusinessLine, 'IREL (India) eyes big expansion for clean energy transition'"
)
IREL_URL = (
    "https://www.thehindubusinessline.com/companies/irel-india-eyes-big-expansion-for-clean-"
    "energy-transition/article66727719.ece"
)


def _scheme_plants(n: int) -> list[PlantSpec]:
    award = (
        "Derived: scheme award assumed in 2026 (not sourced: edit when awarded) + the 2-year "
        "gestation period"
    )
    magnet = PlantSpec(
        f"scheme-{n}-magnet",
        f"Scheme beneficiary {n}: magnet line",
        "magnet",
        "committed",
        "scheme-beneficiaries",
        "One of up to five beneficiaries chosen by global competitive bidding; first year assumes "
        "an award in 2026 plus the 2-year gestation: edit when the award is made. Status "
        "committed: the Cabinet approved and funded the scheme (Rs 7,280 crore) for 6,000 MTPA; "
        "the beneficiaries are not yet chosen.",
        [
            Fig(
                "capacity_tpa",
                1200,
                "t sintered magnet/yr",
                SCHEME_SOURCE,
                SCHEME_URL,
                "2025-11-26",
                "each beneficiary allotted up to 1,200 MTPA",
            ),
            Fig("first_year", 2028, YEAR, SCHEME_SOURCE, SCHEME_URL, "2025-11-26", award),
        ],
    )
    metal = PlantSpec(
        f"scheme-{n}-metal",
        f"Scheme beneficiary {n}: metal line",
        "metal",
        "committed",
        "scheme-beneficiaries",
        "The scheme funds integrated oxide -> metal -> alloy -> magnet capacity.",
        [
            Fig(
                "capacity_tpa",
                340,
                "t NdPr metal/yr",
                SCHEME_SOURCE,
                SCHEME_URL,
                "2025-11-26",
                "Derived: 1,200 t magnet x 0.2833 t NdPr metal per t magnet (official "
                "calibration, resources/conversion.md)",
            ),
            Fig("first_year", 2028, YEAR, SCHEME_SOURCE, SCHEME_URL, "2025-11-26", award),
        ],
    )
    return [magnet, metal]


PLANTS: list[PlantSpec] = [plant for n in range(1, 6) for plant in _scheme_plants(n)] + [
    PlantSpec(
        "irel-separation-spare",
        "IREL refineries: spare separation capacity",
        "separation",
        "operating",
        "irel",
        "IREL's refineries run at no more than 40% of their 5,000 t/yr for lack of ore; the rest "
        "is the only Indian separation capacity for imported concentrate. Treats refined output "
        "capacity as feed capacity (recovery ignored).",
        [
            Fig(
                "capacity_tpa",
                3000,
                "t TREO feed/yr",
                IREL_SOURCE,
                IREL_URL,
                "2023-04",
                "Derived: 5,000 t/yr refined rare earths x (1 - 40% utilisation)",
            ),
        ],
    ),
    PlantSpec(
        "irel-separation-expansion",
        "IREL refineries: expansion to 13,000 t/yr",
        "separation",
        "planned",
        "irel",
        "IREL's plan to lift refined rare earth output from 5,000 to 13,000 t/yr by end-2032, "
        "tied to mining 50 Mt/yr of ore.",
        [
            Fig(
                "capacity_tpa",
                8000,
                "t TREO feed/yr",
                IREL_SOURCE,
                IREL_URL,
                "2023-04",
                "Derived: 13,000 - 5,000 t/yr",
            ),
            Fig("first_year", 2032, YEAR, IREL_SOURCE, IREL_URL, "2023-04", "by end-2032"),
        ],
    ),
]

# Illustrative only: KABIL candidate deals with round placeholder shares, not negotiations.
DEAL_SHARES: dict[str, float] = {
    "mt-weld": 0.05,
    "mountain-pass": 0.05,
    "white-mesa": 0.1,
    "nolans": 0.2,
    "yangibana": 0.2,
    "eneabba": 0.1,
    "dubbo": 0.2,
    "kangankunde": 0.2,
    "songwe-hill": 0.2,
    "ngualla": 0.2,
    "longonjo": 0.2,
    "phalaborwa": 0.2,
    "serra-verde": 0.1,
    "penco": 0.2,
    "carina": 0.1,
    "caldeira": 0.1,
    "donald": 0.1,
    "toliara": 0.1,
    "fen": 0.2,
    "halleck-creek": 0.1,
    "bahia": 0.1,
    "src-saskatoon": 0.1,
}
ILLUSTRATIVE = (
    "Illustrative demo deal, not a reported negotiation: the share is a placeholder to edit or "
    "delete."
)

# India-side firms named in the official brief (india.md); no capacities are known here.
FIRMS: list[dict] = [
    {
        "id": "irel",
        "name": "IREL (India) Limited",
        "kind": "psu",
        "roles": ["mining", "separation"],
        "notes": "Sole miner and processor of rare earth oxides in India (india.md).",
    },
    {
        "id": "kabil",
        "name": "KABIL (Khanij Bidesh India Ltd)",
        "kind": "psu",
        "roles": ["mining"],
        "notes": "PSU named in the official brief.",
    },
    {
        "id": "nmdc",
        "name": "NMDC",
        "kind": "psu",
        "roles": ["mining"],
        "notes": "PSU named in the official brief.",
    },
    {
        "id": "ntpc-mining",
        "name": "NTPC Mining",
        "kind": "psu",
        "roles": ["mining"],
        "notes": "PSU named in the official brief.",
    },
    {
        "id": "hindalco",
        "name": "Hindalco",
        "kind": "private",
        "roles": ["mining"],
        "notes": "Miner named in the official brief.",
    },
    {
        "id": "vedanta",
        "name": "Vedanta",
        "kind": "private",
        "roles": ["mining"],
        "notes": "Miner named in the official brief.",
    },
    {
        "id": "adani",
        "name": "Adani",
        "kind": "private",
        "roles": ["mining"],
        "notes": "Miner named in the official brief.",
    },
    {
        "id": "jsw",
        "name": "JSW",
        "kind": "private",
        "roles": ["magnet"],
        "notes": "In consultations on the magnet scheme (official brief). Capacity not known: none entered.",
    },
    {
        "id": "mahindra",
        "name": "Mahindra",
        "kind": "private",
        "roles": ["magnet"],
        "notes": "In consultations on the magnet scheme (official brief). Capacity not known: none entered.",
    },
    {
        "id": "kalyani",
        "name": "Kalyani",
        "kind": "private",
        "roles": ["magnet"],
        "notes": "In consultations on the magnet scheme (official brief). Capacity not known: none entered.",
    },
    {
        "id": "sona-comstar",
        "name": "Sona Comstar",
        "kind": "private",
        "roles": ["magnet"],
        "notes": "In consultations on the magnet scheme (official brief). Capacity not known: none entered.",
    },
    {
        "id": "midwest",
        "name": "Midwest Advanced Materials",
        "kind": "private",
        "roles": ["magnet"],
        "notes": "In consultations on the magnet scheme (official brief). Capacity not known: none entered.",
    },
    {
        "id": "entellus",
        "name": "Entellus",
        "kind": "private",
        "roles": ["magnet"],
        "notes": "In consultations on the magnet scheme (official brief). Capacity not known: none entered.",
    },
    {
        "id": "proterial",
        "name": "Proterial",
        "kind": "foreign",
        "roles": ["magnet"],
        "notes": "In consultations on the magnet scheme (official brief); a Japanese company. Capacity not known: none entered.",
    },
    {
        "id": "scheme-beneficiaries",
        "name": "Scheme beneficiaries (to be awarded)",
        "kind": "private",
        "roles": ["metal", "magnet"],
        "notes": "Placeholder for the up to five beneficiaries chosen by global competitive bidding (india.md); kind unknown until award.",
    },
]

# Illustrative options for the plan optimiser (placeholders, not figures about a real firm).
OPTIONS: list[dict] = [
    {
        "id": "option-separation",
        "name": "Option (illustrative): separation plant for imported concentrate",
        "stage": "separation",
        "capacity_tpa": 5000.0,
        "first_year": 2029,
        "ramp_years": 2,
        "status": "option",
        "capex_musd": 150.0,
        "source": "",
        "notes": "ILLUSTRATIVE OPTION: capacity, first year and capex are placeholders chosen to show the plan optimiser, not an estimate for any real project or firm; replace them with a costed proposal.",
    },
    {
        "id": "option-metal",
        "name": "Option (illustrative): NdPr metal line",
        "stage": "metal",
        "capacity_tpa": 340.0,
        "first_year": 2029,
        "ramp_years": 1,
        "status": "option",
        "capex_musd": 40.0,
        "source": "",
        "notes": "ILLUSTRATIVE OPTION: capacity, first year and capex are placeholders chosen to show the plan optimiser, not an estimate for any real project or firm; replace them with a costed proposal.",
    },
    {
        "id": "option-magnet",
        "name": "Option (illustrative): sintered magnet line",
        "stage": "magnet",
        "capacity_tpa": 1200.0,
        "first_year": 2029,
        "ramp_years": 1,
        "status": "option",
        "capex_musd": 90.0,
        "source": "",
        "notes": "ILLUSTRATIVE OPTION: capacity, first year and capex are placeholders chosen to show the plan optimiser, not an estimate for any real project or firm; replace them with a costed proposal.",
    },
]


# --- India's demand for sintered rare-earth (NdFeB) magnets and China's share of the imports ---
# Figures of the portfolio's demand path (model/demand.py); record "india".
RE_MAGNETS = "t sintered NdFeB (rare-earth) magnets/yr"
ALL_PM = "t all permanent magnets (ferrite included)/yr"
RE_MAGNET_IMPORTS = "t sintered NdFeB (rare-earth) magnets imported/yr"  # imports, not demand
CHINA_SHARE = "share of India's magnet imports from China"
IE_IMPORTS = (
    "The Indian Express, 'Before China's rare earth curbs, India's permanent magnet imports "
    "nearly doubled in FY25' (via daily8)"
)
IE_URL = "https://www.daily8.com/en/article/9b0de0b97383ac8434ecfd5a5274b0f0"
FE_SOURCE = "Financial Express, 'Industry: Govt plans Rs 5k crore rare earth push'"
FE_URL = "https://www.financialexpress.com/business/industry-govt-plans-rs-5k-crore-rare-earth-push-3935387"
CABINET_SOURCE = (
    "Business Standard, 'Cabinet approves Rs 7,280 crore scheme to promote manufacturing of "
    "sintered rare earth permanent magnets'"
)
CABINET_URL = (
    "https://www.business-standard.com/amp/markets/capital-market-news/cabinet-approves-rs-7280-"
    "crore-scheme-to-promote-manufacturing-of-sintered-rare-earth-permanent-magnets-"
    "125112600857_1.html"
)
PRIMUS_SOURCE = (
    "Primus Partners, 'From extraction to innovation: a blueprint for enhancing the rare earth "
    "magnet ecosystem in India's EV roadmap'"
)
PRIMUS_URL = (
    "https://primuspartners.in/news/from-extraction-to-innovation-a-blueprint-for-enhancing-"
    "rare-earth-magnet-ecosystem-in-indias-ev-roadmap"
)
MONEYCONTROL_IMPORTS = (
    "Moneycontrol, 'Explained: How China's grip on rare earth magnets hurts Indian "
    "manufacturing and the way out'"
)
MONEYCONTROL_IMPORTS_URL = (
    "https://www.moneycontrol.com/news/business/explained-how-china-s-grip-on-rare-earth-"
    "magnets-hurts-indian-manufacturing-and-the-way-out-13100134.html"
)
TOI_SOURCE = (
    "Times of India (citing ET), 'India finalises Rs 5,000 crore incentive scheme for rare earths "
    "mineral production' (via daily8)"
)
TOI_URL = "https://www.daily8.com/en/article/6098ab237d948dc89116c18b20c0dd9f"

DEMAND_FIGURES = [
    Fig(
        "base_t", 4000, RE_MAGNETS, FE_SOURCE, FE_URL, "2025",
        "Industry estimate of current domestic demand for rare-earth magnets, ~4,000 t/yr; "
        "taken as the 2025 base",
    ),
    Fig(
        "base_t", 4010, RE_MAGNETS, TOI_SOURCE, TOI_URL, "2025-06-20",
        "Domestic demand of 4,010 t in 2025 (EV and wind makers over half)",
        chosen=False,
    ),
    Fig(
        "base_t", 700, RE_MAGNET_IMPORTS, MONEYCONTROL_IMPORTS, MONEYCONTROL_IMPORTS_URL, "2025",
        "Rare-earth magnet imports 'expected to rise to around 700 tonne' in FY25, figures then "
        "awaited (industry sources): imports only, not all demand",
        chosen=False,
    ),
    Fig(
        "base_t", 460, RE_MAGNET_IMPORTS, MONEYCONTROL_IMPORTS, MONEYCONTROL_IMPORTS_URL, "2025",
        "'In FY24, India imported around 460 tonne of rare earth magnets, almost all from "
        "Chinese manufacturers' (industry sources): imports only, not all demand",
        chosen=False,
    ),
    Fig(
        "base_t", 900, RE_MAGNET_IMPORTS,
        "Business Today, 'All about neodymium: the tiny Chinese magnet that's causing a massive "
        "problem for India'",
        "https://www.businesstoday.in/visualstories/news/all-about-neodymium-the-tiny-chinese-"
        "magnet-thats-causing-a-massive-problem-for-india-239719-05-06-2025",
        "2025-06-05",
        "'India imported nearly 900 tonnes of magnets in FY25' (a story on neodymium magnets): "
        "imports only, not all demand",
        chosen=False,
    ),
    Fig(
        "base_t", 53700, ALL_PM, IE_IMPORTS, IE_URL, "2025-06",
        "53,700 t of permanent-magnet imports in FY25 counts ALL permanent magnets, ferrite "
        "included: not comparable with rare-earth magnet demand (another unit)",
        chosen=False,
    ),
    Fig(
        "horizon_t", 8000, RE_MAGNETS, CABINET_SOURCE, CABINET_URL, "2025-11-26",
        "Derived: the Cabinet expects India's rare-earth magnet consumption to double 2025-2030; "
        "2 x the 4,000 t base = 8,000 t in 2030",
    ),
    Fig(
        "horizon_t", 8220, RE_MAGNETS, TOI_SOURCE, TOI_URL, "2025-06-20",
        "Demand expected to more than double to 8,220 t by 2030",
        chosen=False,
    ),
    Fig(
        "horizon_t", 7150, RE_MAGNETS, PRIMUS_SOURCE, PRIMUS_URL, "2025",
        "Industry study: NdFeB magnet demand ~7,150 t by 2030",
        chosen=False,
    ),
    Fig(
        "china_share", 0.93, CHINA_SHARE, IE_IMPORTS, IE_URL, "2025-06",
        "93% of FY25 permanent-magnet imports (by tonnage, ferrite included) came from China",
    ),
    Fig(
        "china_share", 0.90, CHINA_SHARE, IE_IMPORTS, IE_URL, "2025-06",
        "'upwards of 90 per cent' share of permanent-magnet imports",
        chosen=False,
    ),
    Fig(
        "china_share", 0.84, CHINA_SHARE, OFFICIAL_BRIEF, "", "2025",
        "China 84% of magnet imports (official brief); not found in the public reports checked",
        chosen=False,
    ),
    Fig(
        "china_share", 0.829, CHINA_SHARE,
        "Moneycontrol, 'India's dependence on China for permanent magnets is growing, so is the "
        "world's'",
        "https://www.moneycontrol.com/news/business/economy/india-s-dependence-on-china-for-"
        "permanent-magnets-is-growing-so-is-the-world-s-13055109.html",
        "2025",
        "82.9% of metal-based permanent magnets India imported in 2024 (73.5% in 2013)",
        chosen=False,
    ),
]  # fmt: skip
