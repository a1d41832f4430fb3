"""Event tables: Sino-Russian joint exercises and patrols, and a dated timeline of key events.

Why this module exists: the article weighs how far Russia-China military cooperation has
gone (joint exercises, bomber patrols, arms sales) against the economic and political
limits of the relationship, and it compares Russia's position with that of countries that
have faced Chinese economic pressure. Numbers alone cannot show that; students need dated,
sourced events. Both tables are hand-curated: every row carries the URL of a page that
supports it, and nothing is added that could not be found on such a page.

* ``joint_exercises`` starts from the two COMPILED lists in ``data/raw`` (2005-2023, 30 rows;
  2020-2025 additions, 21 rows; each row with a URL), applies the sourced corrections in
  ``data/raw/joint-exercises/corrections.csv`` (so the published files stay as they are), and
  adds exercises found with the project's search tool; each row's ``source_url`` is the page
  used. ``mode`` tells live exercises from computer-simulated drills, and ``type`` tells
  exercises from joint air and naval patrols, so "exercises up to 2 December 2020" can be
  counted as live exercises only.
* ``timeline`` lists the events the article refers to or that the lessons need, in neutral
  wording of our own; the 2021-2025 rows take their pages from the compiled key-events list.

Coordinates are approximate (rounded to 0.5 degrees) positions of the named town, range or
sea area, for maps only; they are empty when the sources name no single place.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import DEFAULT_RAW_RELATIVE, REPO_ROOT, RawDataError, read_raw_csv, require_columns

EXERCISES_FILE = (
    "joint-exercises/sino_russian_joint_exercises_2005-2023_compiled_from_stored_pages.csv"
)
ADDITIONS_FILE = (
    "what-happened-next/compiled/"
    "sino_russian_joint_exercises_patrols_2020-2025_additions_compiled.csv"
)
EVENTS_FILE = "what-happened-next/compiled/alliance_or_not_key_events_2021-2025_compiled.csv"
#: Written by this project (not a published input), so always read from the repository.
CORRECTIONS_FILE = "joint-exercises/corrections.csv"
CORRECTIONS_PATH = REPO_ROOT / DEFAULT_RAW_RELATIVE / CORRECTIONS_FILE
CORRECTABLE_FIELDS = ("name", "start_date", "end_date", "location", "source_url")
COMPILED_SOURCE = "lab_compiled_joint_exercises"
ADDITIONS_SOURCE = "lab_compiled_exercises_2026"
EVENTS_SOURCE = "lab_compiled_key_events_2026"
WEB_SOURCE = "lab_web_pages_2025"
#: The article's date: lessons count exercises up to it.
ARTICLE_DATE = "2020-12-02"

TYPES = ("exercise", "air patrol", "naval patrol")
MODES = ("live", "computer-simulated")
DOMAINS = ("land", "sea", "air", "combined")
FORMATS = ("bilateral", "multilateral")
REGIONS = (
    "Arabian Sea/Gulf of Oman", "Baltic Sea", "Central Asia", "East China Sea",
    "European Russia", "Mediterranean", "North China", "North Pacific", "Northeast China",
    "Northwest China", "Russian Far East", "Sea of Japan", "Sea of Japan/East China Sea",
    "South China Sea", "Southern Africa", "Southern Russia", "Volga/Urals", "Western Pacific",
    "Yellow Sea",
)  # fmt: skip
CATEGORIES = ("energy", "arms", "sanctions", "diplomacy", "military", "coercion", "trade")

#: Approximate positions (degrees, rounded to 0.5) of the places named by the sources.
PLACES: dict[str, tuple[float, float]] = {
    "Shandong Peninsula": (37.0, 121.0),
    "Chebarkul range, Chelyabinsk": (55.0, 60.5),
    "Taonan, Jilin": (45.5, 123.0),
    "Qingdao": (36.0, 120.5),
    "Khujand": (40.5, 69.5),
    "Peter the Great Gulf": (43.0, 132.0),
    "East China Sea east of the Yangtze estuary": (31.5, 123.0),
    "Zhurihe, Inner Mongolia": (42.5, 113.0),
    "South China Sea east of Zhanjiang": (21.0, 111.0),
    "Balykchy, Issyk-Kul": (42.5, 76.0),
    "Baltic Sea off Baltiysk": (54.5, 19.5),
    # Global Times: the Tsugol range is about 250 km south-east of Chita (52.0 N, 113.5 E).
    "Tsugol range": (50.5, 115.5),
    "Orenburg": (52.0, 55.0),
    "Kapustin Yar, Astrakhan": (48.5, 46.0),
    "Qingtongxia, Ningxia": (38.0, 106.0),
    "Sea of Japan and East China Sea": (34.5, 129.0),
    "East China Sea east of Zhoushan-Taizhou": (29.5, 123.0),
    "Central Sea of Japan": (40.0, 135.0),
    "Gulf of Oman off Chabahar": (25.0, 60.5),
    "Beijing": (40.0, 116.5),
    "Cape Town": (-34.0, 18.5),
    "Richards Bay": (-29.0, 32.0),
}

#: Classification of every row of the compiled list, keyed by (year, compiled name), plus
#: corrections checked against the page in ``source_url`` (which then replaces the compiled
#: URL). ``place`` is a key of :data:`PLACES` or None.
COMPILED_ROWS: dict[tuple[int, str], dict] = {
    (2005, "Peace Mission-2005"): dict(
        exercise_id="2005_peace_mission", type="exercise", domain="combined",
        region="Yellow Sea", place="Shandong Peninsula", format="bilateral"),
    (2007, "Peace Mission-2007"): dict(
        exercise_id="2007_peace_mission", type="exercise", domain="land",
        region="Volga/Urals", place="Chebarkul range, Chelyabinsk", format="multilateral"),
    (2009, "Peace Mission-2009"): dict(
        exercise_id="2009_peace_mission", type="exercise", domain="land",
        region="Northeast China", place="Taonan, Jilin", format="bilateral"),
    (2010, "Peace Mission-2010"): dict(
        exercise_id="2010_peace_mission", type="exercise", domain="land",
        region="Central Asia", place=None, format="multilateral"),
    (2012, "Joint Sea-2012"): dict(
        exercise_id="2012_joint_sea", type="exercise", domain="sea",
        region="Yellow Sea", place="Qingdao", format="bilateral"),
    (2012, "Peace Mission-2012"): dict(
        exercise_id="2012_peace_mission", type="exercise", domain="land",
        region="Central Asia", place="Khujand", format="multilateral"),
    (2013, "Joint Sea-2013 (Russian name: Naval Cooperation-2013)"): dict(
        exercise_id="2013_joint_sea", type="exercise", domain="sea",
        region="Sea of Japan", place="Peter the Great Gulf", format="bilateral"),
    (2013, "joint anti-terrorism drill (Chelyabinsk region)"): dict(
        exercise_id="2013_peace_mission", type="exercise",
        domain="land", region="Volga/Urals", place="Chebarkul range, Chelyabinsk",
        format="bilateral"),
    (2014, "Joint Sea-2014"): dict(
        exercise_id="2014_joint_sea", type="exercise", domain="sea",
        region="East China Sea", place="East China Sea east of the Yangtze estuary",
        format="bilateral"),
    (2014, "Peace Mission-2014"): dict(
        exercise_id="2014_peace_mission", type="exercise", domain="land",
        region="North China", place="Zhurihe, Inner Mongolia", format="multilateral"),
    (2015, "Joint Sea-2015 (I)"): dict(
        exercise_id="2015_joint_sea_1", type="exercise", domain="sea",
        region="Mediterranean", place=None, format="bilateral",
        note="No coordinate: the sources name the Mediterranean, not a single place"),
    (2015, "Joint Sea-2015 (II)"): dict(
        exercise_id="2015_joint_sea_2", type="exercise", domain="sea",
        region="Sea of Japan", place="Peter the Great Gulf", format="bilateral"),
    (2016, "Joint Sea-2016"): dict(
        exercise_id="2016_joint_sea", type="exercise", domain="sea",
        region="South China Sea", place="South China Sea east of Zhanjiang",
        format="bilateral"),
    (2016, "Peace Mission-2016"): dict(
        exercise_id="2016_peace_mission", type="exercise", domain="land",
        region="Central Asia", place="Balykchy, Issyk-Kul", format="multilateral"),
    (2017, "Joint Sea-2017 (phase 1)"): dict(
        exercise_id="2017_joint_sea_1", type="exercise", domain="sea",
        region="Baltic Sea", place="Baltic Sea off Baltiysk", format="bilateral"),
    (2017, "Joint Sea-2017 (phase 2)"): dict(
        exercise_id="2017_joint_sea_2", type="exercise", domain="sea",
        region="Sea of Japan", place="Peter the Great Gulf", format="bilateral"),
    (2018, "Peace Mission-2018"): dict(
        exercise_id="2018_peace_mission", type="exercise", domain="land",
        region="Volga/Urals", place="Chebarkul range, Chelyabinsk", format="multilateral"),
    (2018, "Vostok-2018 (PLA participation)"): dict(
        exercise_id="2018_vostok", type="exercise", domain="land",
        region="Russian Far East", place="Tsugol range", format="multilateral"),
    (2019, "Joint Sea-2019"): dict(
        exercise_id="2019_joint_sea", type="exercise", domain="sea",
        region="Yellow Sea", place="Qingdao", format="bilateral"),
    (2019, "First joint strategic air patrol"): dict(
        exercise_id="2019_air_patrol_1", name="1st joint strategic air patrol",
        type="air patrol", domain="air", region="Sea of Japan/East China Sea",
        place="Sea of Japan and East China Sea", format="bilateral"),
    (2019, "Tsentr-2019 (PLA participation)"): dict(
        exercise_id="2019_tsentr", type="exercise", domain="land", region="Volga/Urals",
        place="Orenburg", format="multilateral",
        note="Contingents also from India, Kazakhstan, Kyrgyzstan, Tajikistan and "
        "Uzbekistan (eng.chinamil.com.cn, 20 Aug 2019)"),
    (2020, "Kavkaz-2020 (PLA participation)"): dict(
        exercise_id="2020_kavkaz", type="exercise", domain="land", region="Southern Russia",
        place="Kapustin Yar, Astrakhan", format="multilateral"),
    (2021, "ZAPAD/INTERACTION-2021 (Xibu/Unity-2021)"): dict(
        exercise_id="2021_zapad_interaction", type="exercise", domain="land",
        region="Northwest China", place="Qingtongxia, Ningxia", format="bilateral"),
    (2021, "Peace Mission-2021"): dict(
        exercise_id="2021_peace_mission", type="exercise", domain="land",
        region="Volga/Urals", place="Orenburg", format="multilateral"),
    (2021, "Joint Sea-2021 (Maritime Interaction-2021)"): dict(
        exercise_id="2021_joint_sea", type="exercise", domain="sea", region="Sea of Japan",
        place="Peter the Great Gulf", format="bilateral"),
    (2021, "First joint naval patrol"): dict(
        exercise_id="2021_naval_patrol_1", name="1st joint naval patrol",
        type="naval patrol", domain="sea", region="Western Pacific", place=None,
        format="bilateral"),
    (2022, "Vostok-2022 (PLA participation)"): dict(
        exercise_id="2022_vostok", type="exercise", domain="combined",
        region="Russian Far East", place=None, format="multilateral"),
    (2022, "Joint Sea-2022"): dict(
        exercise_id="2022_joint_sea", type="exercise", domain="sea",
        region="East China Sea", place="East China Sea east of Zhoushan-Taizhou",
        format="bilateral"),
    (2023, "6th joint strategic air patrol"): dict(
        exercise_id="2023_air_patrol_6", type="air patrol", domain="air",
        region="Sea of Japan/East China Sea", place="Sea of Japan and East China Sea",
        format="bilateral"),
    (2023, "7th joint strategic air patrol"): dict(
        exercise_id="2023_air_patrol_7", type="air patrol", domain="air",
        region="Sea of Japan/East China Sea", place="Sea of Japan and East China Sea",
        format="bilateral"),
}  # fmt: skip

#: Classification of every row of the 2020-2025 additions list, keyed by (year, published
#: name); ``name`` gives the short name used in the table, ``note`` is in our words.
ADDITION_ROWS: dict[tuple[int, str], dict] = {
    (2020, "2nd joint strategic air patrol"): dict(
        exercise_id="2020_air_patrol_2", type="air patrol", domain="air",
        region="Sea of Japan/East China Sea", place="Sea of Japan and East China Sea",
        format="bilateral", note="Four H-6K and two Tu-95 bombers"),
    (2021, "3rd joint strategic air patrol"): dict(
        exercise_id="2021_air_patrol_3", type="air patrol", domain="air",
        region="Sea of Japan/East China Sea", place="Sea of Japan and East China Sea",
        format="bilateral", note="Two H-6K and two Tu-95MS bombers"),
    (2022, "4th joint strategic air patrol (during Quad summit in Tokyo)"): dict(
        exercise_id="2022_air_patrol_4", name="4th joint strategic air patrol",
        type="air patrol", domain="air", region="Sea of Japan/East China Sea",
        place="Sea of Japan and East China Sea", format="bilateral",
        note="Held while Quad leaders met in Tokyo"),
    (2022, "2nd joint naval patrol"): dict(
        exercise_id="2022_naval_patrol_2", type="naval patrol", domain="sea",
        region="Western Pacific", place=None, format="bilateral",
        note="Over 3,000 nautical miles sailed (Russian Defence Ministry)"),
    (2022, "5th joint strategic air patrol (first reciprocal landings)"): dict(
        exercise_id="2022_air_patrol_5", name="5th joint strategic air patrol",
        type="air patrol", domain="air", region="Sea of Japan/East China Sea",
        place="Sea of Japan and East China Sea", format="bilateral",
        note="First time each side's bombers landed at the other's airfields"),
    (2023, "Security Belt-2023 (Marine Security Belt) with Iran"): dict(
        exercise_id="2023_security_bond", name="Security Bond-2023", type="exercise",
        domain="sea", region="Arabian Sea/Gulf of Oman", place="Gulf of Oman off Chabahar",
        format="multilateral", note="With Iran; Russia calls the series Marine Security Belt"),
    (2023, "North/Interaction-2023"): dict(
        exercise_id="2023_northern_interaction", name="Northern/Interaction-2023",
        type="exercise", domain="sea", region="Sea of Japan", place="Central Sea of Japan",
        format="bilateral", note="Warships and naval aircraft from both sides"),
    (2023, "3rd joint naval patrol (near the Aleutians/Alaska)"): dict(
        exercise_id="2023_naval_patrol_3", name="3rd joint naval patrol",
        type="naval patrol", domain="sea", region="North Pacific", place=None,
        format="bilateral", note="Reported near the Aleutian Islands, in international waters"),
    (2024, "Security Belt-2024 (Maritime Security Belt) with Iran"): dict(
        exercise_id="2024_security_belt", name="Maritime Security Belt-2024", type="exercise",
        domain="sea", region="Arabian Sea/Gulf of Oman", place="Gulf of Oman off Chabahar",
        format="multilateral", note="With Iran"),
    (2024, "4th joint naval patrol"): dict(
        exercise_id="2024_naval_patrol_4", type="naval patrol", domain="sea",
        region="Western Pacific", place=None, format="bilateral",
        note="Western and northern Pacific, then the South China Sea"),
    (2024, "Joint Sea-2024"): dict(
        exercise_id="2024_joint_sea", type="exercise", domain="sea",
        region="South China Sea", place="South China Sea east of Zhanjiang",
        format="bilateral", note="Waters and airspace near Zhanjiang"),
    (2024, "Joint strategic air patrol near Alaska (implicitly the 8th; the Nov 2024 patrol "
     "was announced as the 9th)"): dict(
        exercise_id="2024_air_patrol_8", name="8th joint strategic air patrol (near Alaska)",
        type="air patrol", domain="air", region="North Pacific", place=None,
        format="bilateral", note="Numbered 8th by us: the next patrol was announced as the 9th"),
    (2024, "Ocean-2024 (PLA Navy participation)"): dict(
        exercise_id="2024_ocean", type="exercise", domain="sea", region="Sea of Japan",
        place="Peter the Great Gulf", format="bilateral",
        note="Russian strategic naval exercise; PLA Navy ships joined its Pacific part"),
    (2024, "Northern/Interaction-2024 (RIA: Beibu/Interaction-2024)"): dict(
        exercise_id="2024_northern_interaction", name="Northern/Interaction-2024",
        type="exercise", domain="sea", region="Sea of Japan", place=None,
        format="bilateral", note="Sea of Japan and Sea of Okhotsk"),
    (2024, "5th joint naval patrol"): dict(
        exercise_id="2024_naval_patrol_5", type="naval patrol", domain="sea",
        region="Western Pacific", place=None, format="bilateral",
        note="Began after Northern/Interaction-2024"),
    (2024, "9th joint strategic air patrol"): dict(
        exercise_id="2024_air_patrol_9", type="air patrol", domain="air",
        region="Sea of Japan", place=None, format="bilateral"),
    (2025, "Security Belt-2025 with Iran"): dict(
        exercise_id="2025_security_belt", name="Maritime Security Belt-2025", type="exercise",
        domain="sea", region="Arabian Sea/Gulf of Oman", place="Gulf of Oman off Chabahar",
        format="multilateral", note="With Iran"),
    (2025, "Joint Sea-2025 (Russian name: Maritime Interaction-2025)"): dict(
        exercise_id="2025_joint_sea", type="exercise", domain="sea", region="Sea of Japan",
        place=None, format="bilateral", note="Pacific Fleet ranges near Vladivostok"),
    (2025, "6th joint naval patrol (Chinese count; Russian Pacific Fleet called it the 5th)"):
        dict(exercise_id="2025_naval_patrol_6", name="6th joint naval patrol",
             type="naval patrol", domain="sea", region="Western Pacific", place=None,
             format="bilateral", note="China counts it the 6th, Russia's Pacific Fleet the 5th"),
    (2025, "First joint submarine patrol"): dict(
        exercise_id="2025_submarine_patrol_1", name="1st joint submarine patrol",
        type="naval patrol", domain="sea", region="Sea of Japan/East China Sea", place=None,
        format="bilateral", note="A Russian and a Chinese diesel-electric submarine"),
    (2025, "10th joint strategic air patrol"): dict(
        exercise_id="2025_air_patrol_10", type="air patrol", domain="air",
        region="Sea of Japan/East China Sea", place="Sea of Japan and East China Sea",
        format="bilateral"),
}  # fmt: skip

#: Exercises not in the compiled lists, each found with the search tool (mode is live unless
#: given).
ADDED_ROWS: list[dict] = [
    dict(exercise_id="2016_aerospace_security", year=2016, name="Aerospace Security-2016",
         start_date="2016-05-26", end_date="2016-05-28", type="exercise",
         mode="computer-simulated", domain="air",
         region="European Russia", place=None, format="bilateral",
         location="Research centre of the Russian Aerospace Defence Forces (Russia)",
         source_url="https://tass.com/defense/878407",
         note="First joint computer-simulated missile-defence command-staff exercise"),
    dict(exercise_id="2017_aerospace_security", year=2017, name="Aerospace Security-2017",
         start_date="2017-12-11", end_date="2017-12-16", type="exercise",
         mode="computer-simulated", domain="air",
         region="North China", place="Beijing", format="bilateral", location="Beijing (China)",
         source_url="http://english.chinamil.com.cn/view/2017-11/17/content_7831133.htm",
         note="Second computer-simulated missile-defence command-staff exercise"),
    dict(exercise_id="2019_marine_security_belt", year=2019, name="Marine Security Belt",
         start_date="2019-12-27", end_date="2019-12-30", type="exercise", domain="sea",
         region="Arabian Sea/Gulf of Oman", place="Gulf of Oman off Chabahar",
         format="multilateral", location="Northern Indian Ocean and Gulf of Oman",
         source_url="https://en.mehrnews.com/news/153716/Iran-Russia-China-start-joint-maritime-maneuver",
         note="Trilateral with Iran; four days from 27 December"),
    dict(exercise_id="2022_marine_security_belt", year=2022, name="Marine Security Belt 2022",
         start_date="2022-01-21", end_date="", type="exercise", domain="sea",
         region="Arabian Sea/Gulf of Oman", place="Gulf of Oman off Chabahar",
         format="multilateral", location="Northern Indian Ocean",
         source_url="https://iranpress.com/iran-launches-joint-naval-exercise-with-china-russia",
         note="Trilateral with Iran"),
    dict(exercise_id="2019_mosi", year=2019, name="Mosi (trilateral maritime exercise)",
         start_date="2019-11-25", end_date="2019-11-30", type="exercise", domain="sea",
         region="Southern Africa", place="Cape Town", format="multilateral",
         location="Off the southern coast of South Africa, from Cape Town",
         source_url="http://english.pladaily.com.cn/view/2019-11/27/content_9683884.htm",
         note="First trilateral naval exercise with South Africa (Xinhua via PLA Daily)"),
    dict(exercise_id="2023_mosi_2", year=2023, name="Mosi II (trilateral maritime exercise)",
         start_date="2023-02-17", end_date="2023-02-27", type="exercise", domain="sea",
         region="Southern Africa", place="Richards Bay", format="multilateral",
         location="Off South Africa's east coast between Durban and Richards Bay",
         source_url="https://euro-sd.com/2023/02/news/29751/south-african-naval-exercise-hosts-controversial-allies-russia-and-china",
         note="Second trilateral naval exercise with South Africa; Russia sent the frigate "
         "Admiral Gorshkov, China three ships of its 42nd escort task force"),
]  # fmt: skip

#: 2021-2025 events of the compiled key-events list, keyed by its date: (slug, category, our
#: wording). The page of each row is taken from the compiled list.
KEY_EVENTS: dict[str, tuple[str, str, str]] = {
    "2021-06-28": ("treaty_extension", "diplomacy",
                   "Xi Jinping and Vladimir Putin, speaking by video link, announce that the "
                   "2001 Treaty of Good-Neighbourliness and Friendly Cooperation is extended"),
    "2022-02-04": ("no_limits_statement", "diplomacy",
                   "During Putin's visit to Beijing for the Winter Olympics the two leaders "
                   "issue a joint statement on a 'new era' of international relations, "
                   "describing a partnership with 'no limits' and opposing NATO enlargement"),
    "2023-03-20": ("xi_state_visit_moscow", "diplomacy",
                   "Xi Jinping makes a state visit to Moscow (20-22 March); the presidents sign "
                   "joint statements on their partnership and on economic cooperation to 2030"),
    "2023-12-22": ("us_eo_14114", "sanctions",
                   "US Executive Order 14114 allows sanctions on foreign banks that handle "
                   "significant transactions for Russia's military-industrial base"),
    "2024-05-16": ("putin_state_visit_china", "diplomacy",
                   "Putin makes a state visit to China (Beijing and Harbin, 16-17 May), his "
                   "first trip abroad of his new term; a joint statement marks 75 years of "
                   "diplomatic relations"),
    "2024-06-19": ("russia_dprk_treaty", "military",
                   "Russia and North Korea sign a comprehensive strategic partnership treaty "
                   "in Pyongyang; its Article 4 promises immediate military help if either "
                   "side is attacked"),
    "2024-12-04": ("russia_dprk_treaty_in_force", "military",
                   "The Russia-North Korea treaty enters into force when the instruments of "
                   "ratification are exchanged in Moscow"),
    "2025-09-02": ("power_of_siberia_2_memorandum", "energy",
                   "Gazprom and CNPC sign a legally binding memorandum on building the Power "
                   "of Siberia 2 pipeline through Mongolia; price and financing are still to "
                   "be agreed"),
}  # fmt: skip

#: Dated events, in our own neutral words, each with the page that supports it.
TIMELINE: list[dict] = [
    dict(slug="japan_rare_earths", date="2010-09-21", category="coercion",
         event="After Japan detains a Chinese trawler captain near the Senkaku/Diaoyu "
         "Islands, rare-earth shipments to Japan are held up at Chinese ports; Beijing "
         "denies an official ban",
         source_url="https://www.globaltradealert.org/state-act/2092/china-temporary-export-restrictions-on-rare-earth-minerals-to-japan"),
    dict(slug="norway_salmon", date="2010-10", category="coercion",
         event="After the Nobel Peace Prize goes to Liu Xiaobo, Norwegian salmon meets "
         "stricter Chinese veterinary checks and political contacts are put on hold",
         source_url="http://www.deseretnews.com/article/700133301/Norway-feels-sting-of-Chinas-Nobel-anger.html"),
    dict(slug="espo_spur_start", date="2011-01", category="energy",
         event="Crude deliveries to China through the ESPO pipeline spur begin under the "
         "2009 loans-for-oil deal (15 Mt a year against USD 25 bn of Chinese loans to "
         "Rosneft and Transneft)",
         source_url="https://interfax.com/newsroom/top-stories/60244/"),
    dict(slug="espo_price_dispute", date="2011-06", category="energy",
         event="Price dispute: CNPC pays less than Rosneft and Transneft invoice for "
         "ESPO-spur crude, contesting the transport element of the price formula; arrears "
         "of about USD 250 m are reported",
         source_url="https://interfax.com/newsroom/top-stories/60244/"),
    dict(slug="espo_price_discount", date="2011-10", category="energy",
         event="Russian sources report that in October 2011 Rosneft and Transneft agreed to "
         "give CNPC a discount of USD 1.5 per barrel on ESPO-spur crude, ending the price "
         "dispute; the companies' boards approve the amended contracts in February 2012",
         source_url="https://interfax.com/newsroom/top-stories/57324/"),
    dict(slug="philippines_bananas", date="2012-05", category="coercion",
         event="During the Scarborough Shoal standoff, Chinese quarantine authorities "
         "tighten inspections of Philippine bananas and other fruit",
         source_url="https://www.ft.com/content/7f801f57-b7fc-3a54-9634-56a15c41fd3e"),
    dict(slug="crimea_first_sanctions", date="2014-03-17", category="sanctions",
         event="After the Crimea referendum the EU and the US impose travel bans and asset "
         "freezes on Russian and Ukrainian officials",
         source_url="http://www.bbc.co.uk/news/world-europe-26613567"),
    dict(slug="crimea_annexation", date="2014-03-18", category="military",
         event="Russia signs treaties incorporating Crimea and Sevastopol; the EU and the US "
         "call the preceding referendum illegal",
         source_url="https://www.rferl.org/a/russia-crimea-ukraine-treaty/25301179.html"),
    dict(slug="joint_sea_2014_launch", date="2014-05-20", category="military",
         event="Xi Jinping and Vladimir Putin open the Joint Sea-2014 naval exercise in "
         "Shanghai during Putin's state visit",
         source_url="https://global.chinadaily.com.cn/china/2014-05/20/content_17526520.htm"),
    dict(slug="gazprom_cnpc_contract", date="2014-05-21", category="energy",
         event="Gazprom and CNPC sign a 30-year contract for up to 38 bcm of gas a year via "
         "the planned Power of Siberia pipeline; the price is not disclosed",
         source_url="http://osw.waw.pl/en/publikacje/osw-commentary/2014-06-16/eastern-partnership-gas-gazprom-and-cnpc-strike-a-deal-gas"),
    dict(slug="sectoral_sanctions", date="2014-07-29", category="sanctions",
         event="The EU agrees sectoral sanctions on Russia (limits on state banks' access "
         "to EU capital markets and on exports of oil-sector, defence and dual-use goods); "
         "the US widens its measures the same day",
         source_url="http://thepeninsulaqatar.com/news/international/293626/sweeping-eu-sanctions-against-russia"),
    dict(slug="s400_contract", date="2014-11", category="arms",
         event="A Russian contract to supply S-400 air-defence systems to China, the first "
         "foreign buyer, is reported (SIPRI dates the order 2015)",
         source_url="https://www.armyrecognition.com/news/army-news/2018/first-regiment-of-russian-s-400-missile-systems-has-been-delivered-to-china"),
    dict(slug="su35_contract", date="2015-11-19", category="arms",
         event="Rostec announces a contract for 24 Su-35 fighters for China, the first "
         "foreign buyer of the type",
         source_url="https://sputnik-ossetia.ru/20151119/880715.html"),
    dict(slug="su35_first_delivery", date="2016-12-25", category="arms",
         event="The first four Su-35 fighters are delivered to China",
         source_url="http://www.defense-aerospace.com/cgi-bin/client/modele.pl?shop=dae&modele=release&prod=179955&cat=3"),
    dict(slug="korea_thaad", date="2017-03", category="coercion",
         event="After Lotte provides land for the US THAAD missile-defence system, Chinese "
         "travel agencies are told to stop selling tours to South Korea and Lotte "
         "stores in China are closed after inspections",
         source_url="https://www.japantimes.co.jp/news/2017/03/06/asia-pacific/south-koreas-lotte-group-says-four-retail-stores-china-closed-amid-political-tension/"),
    dict(slug="s400_deliveries", date="2018-01", category="arms",
         event="Russia begins delivering S-400 systems to China; the first regimental set "
         "is reported delivered by April 2018",
         source_url="https://www.armyrecognition.com/news/army-news/2018/first-regiment-of-russian-s-400-missile-systems-has-been-delivered-to-china"),
    dict(slug="vostok_2018_pla_contingent", date="2018-09-11", category="military",
         event="PLA troops join Russia's Vostok-2018 strategic exercise, the largest group "
         "China had sent to an exercise hosted by another country",
         source_url="http://english.chinamil.com.cn/view/2018-09/17/content_9284786.htm"),
    dict(slug="first_joint_air_patrol", date="2019-07-23", category="military",
         event="First joint Russian-Chinese strategic bomber patrol over the Sea of Japan "
         "and East China Sea; South Korea fires warning shots at a Russian aircraft it says "
         "entered its airspace",
         source_url="https://amp.dw.com/en/south-korea-fires-warning-shots-at-russian-military-aircraft/a-49708651"),
    dict(slug="macron_economist", date="2019-11-07", category="diplomacy",
         event="In an interview with The Economist, Emmanuel Macron speaks of the 'brain "
         "death' of NATO and calls on Europe to think of itself as a strategic power",
         source_url="https://www.economist.com/europe/2019/11/07/emmanuel-macron-warns-europe-nato-is-becoming-brain-dead"),
    dict(slug="power_of_siberia_opening", date="2019-12-02", category="energy",
         event="Putin and Xi open the Power of Siberia gas pipeline by video link and gas "
         "deliveries to China begin",
         source_url="https://www.themoscowtimes.com/2019/12/02/russia-launches-power-siberia-gas-exports-china-a68423"),
    dict(slug="australia_beef", date="2020-05-12", category="coercion",
         event="China suspends beef imports from four Australian meat processors, citing "
         "violations of inspection and quarantine requirements",
         source_url="https://www.straitstimes.com/asia/australianz/china-suspends-beef-imports-from-four-aussie-meat-processors-amid-souring-ties"),
    dict(slug="australia_barley", date="2020-05-18", category="coercion",
         event="China announces anti-dumping and anti-subsidy duties totalling 80.5% on "
         "Australian barley for five years",
         source_url="https://www.reuters.com/article/australia-china-barley/australia-says-chinas-decision-to-impose-tariff-on-barley-deeply-disappointing-idUSL4N2D0368"),
    dict(slug="australia_coal", date="2020-10", category="coercion",
         event="Chinese power stations and steel mills are reportedly told verbally to stop "
         "using Australian coal; loaded ships wait off Chinese ports",
         source_url="https://www.scmp.com/economy/china-economy/article/3120979/china-australia-relations-some-stranded-australian-coal"),
    dict(slug="valdai", date="2020-10-22", category="diplomacy",
         event="At the Valdai Discussion Club Putin says Russia does not need a military "
         "alliance with China but that one can be imagined in theory",
         source_url="https://rt.com/russia/504345-moscow-beijing-military-alliance"),
    dict(slug="australia_wine", date="2020-11-27", category="coercion",
         event="China sets temporary anti-dumping deposits of 107.1% to 212.1% on "
         "Australian wine from 28 November",
         source_url="https://www.hindustantimes.com/world-news/china-to-impose-temporary-anti-dumping-measures-on-australian-wine-imports/story-TPfDDOhL9UsHQtpVHg0ZaP.html"),
    dict(slug="first_joint_naval_patrol", date="2021-10-17", category="military",
         event="First joint Russian-Chinese naval patrol, passing through the Tsugaru and "
         "Osumi straits around Japan",
         source_url="https://news.cgtn.com/news/2021-10-23/China-Russia-conduct-first-joint-naval-patrols-14ARF2K5q5G/index.html"),
    dict(slug="lithuania_customs", date="2021-12", category="coercion",
         event="After a Taiwanese Representative Office opens in Vilnius, Lithuania is "
         "dropped from China's customs system and Lithuanian goods cannot clear customs",
         source_url="https://www.marketscreener.com/news/latest/Lithuania-says-Chinese-customs-is-blocking-its-exports--37202415/?utm_medium=RSS&utm_content=20211203"),
    dict(slug="invasion_of_ukraine", date="2022-02-24", category="military",
         event="Russia launches a full-scale invasion of Ukraine",
         source_url="https://edition.cnn.com/europe/live-news/ukraine-russia-news-02-24-22-intl/h_30864df7d16b74573cbf219411ca81c2"),
    dict(slug="swift_central_bank_sanctions", date="2022-02-26", category="sanctions",
         event="The US, the EU and partners agree to cut selected Russian banks off SWIFT "
         "and to restrict the Russian central bank's reserves",
         source_url="https://www.thejournal.ie/eu-sanctions-russia-ukraine-swift-banking-system-5695327-Feb2022/"),
]  # fmt: skip

_ACCESS = "Pages retrieved 2025 from stored snapshots; each row gives its own URL"
SOURCES: list[dict] = [
    {
        "source_id": COMPILED_SOURCE,
        "publisher": "Various (Xinhua, China Military Online, PRC MoD, TASS, RT, DW and others)",
        "title": "Sino-Russian joint exercises and patrols 2005-2023, compiled list (30 rows)",
        "url": "data/raw/" + EXERCISES_FILE,
        "version_or_access_date": f"Compiled from stored web pages; {_ACCESS}",
        "licence": "Facts from press and official pages; cite the page in source_url",
        "citation": "Joint exercises compiled for this project from press and official pages; "
        "see source_url for each row.",
        "short": "Compiled from press and official pages (2025)",
    },
    {
        "source_id": ADDITIONS_SOURCE,
        "publisher": "Various (China Military Online, Xinhua, People's Daily, TASS, CGTN, "
        "Reuters and others)",
        "title": "Sino-Russian joint exercises and patrols 2020-2025, compiled additions (21 rows)",
        "url": "data/raw/" + ADDITIONS_FILE,
        "version_or_access_date": "Compiled 2026 from stored web pages; each row gives its URL",
        "licence": "Facts from press and official pages; cite the page in source_url",
        "citation": "Joint exercises and patrols 2020-2025 compiled for this project; see "
        "source_url for each row.",
        "short": "Compiled from press and official pages (2026)",
    },
    {
        "source_id": EVENTS_SOURCE,
        "publisher": "Various (Kremlin, Xinhua, People's Daily, US Federal Register, Chosun "
        "Ilbo, Interfax, CNA)",
        "title": "Key events in Russia-China relations 2021-2025, compiled list (8 rows)",
        "url": "data/raw/" + EVENTS_FILE,
        "version_or_access_date": "Compiled 2026 from stored web pages; each row gives its URL",
        "licence": "Facts from official and press pages; cite the page in source_url",
        "citation": "Key events 2021-2025 compiled for this project; see source_url for each row.",
        "short": "Official and press pages (2026)",
    },
    {
        "source_id": WEB_SOURCE,
        "publisher": "Various news agencies, official and specialist websites",
        "title": "Pages checked for this project (exercise details, added exercises, timeline)",
        "url": "",
        "version_or_access_date": _ACCESS,
        "licence": "Facts from press and official pages; cite the page in source_url",
        "citation": "Press and official web pages; see source_url for each row.",
        "short": "Press and official pages, see source_url (2025)",
    },
]

_ID = {"name": "source_id", "type": "string", "constraints": {"required": True}}
_URL = {"name": "source_url", "type": "string", "description": "Page supporting the row",
        "constraints": {"required": True}}  # fmt: skip
_DATE_NOTE = "YYYY-MM-DD, or YYYY-MM / YYYY when only that is known; empty if unknown"

RESOURCES: dict[str, dict] = {
    "joint_exercises": {
        "title": "Sino-Russian joint exercises and patrols, 2005-2025",
        "description": (
            "Exercises, joint air patrols and joint naval patrols in which the armed forces "
            "of China and Russia both took part, including multilateral ones (SCO Peace "
            "Mission, Russian strategic exercises with PLA contingents, drills with Iran). "
            "Built from the two compiled lists in data/raw (2005-2023 and 2020-2025), with "
            "dates, places, names and pages corrected through the sourced corrections file "
            "data/raw/joint-exercises/corrections.csv, plus rows found with the search tool; "
            "each row gives its supporting page. Not exhaustive (CSIS ChinaPower counts 53 "
            "exercises in 2005-2021; medical or sports events are missing). lat/lon: "
            "approximate position (0.5 degree) of the named place for maps; empty when no "
            "single place is named. type: exercise / air patrol / naval patrol; mode: live or "
            "computer-simulated (the 2016 and 2017 Aerospace Security missile-defence drills), "
            "so counting 'exercises' up to a date means type = exercise and mode = live; "
            "domain: main environment (combined = land, sea and air components)."
        ),
        "decimals": 1,
        "schema": {
            "fields": [
                {
                    "name": "exercise_id",
                    "type": "string",
                    "description": "<year>_<short name>",
                    "constraints": {"required": True},
                },
                {
                    "name": "year",
                    "type": "integer",
                    "constraints": {"required": True, "minimum": 2005, "maximum": 2025},
                },
                {"name": "name", "type": "string", "constraints": {"required": True}},
                {"name": "start_date", "type": "string", "description": _DATE_NOTE},
                {"name": "end_date", "type": "string", "description": _DATE_NOTE},
                {
                    "name": "type",
                    "type": "string",
                    "constraints": {"required": True, "enum": list(TYPES)},
                },
                {
                    "name": "mode",
                    "type": "string",
                    "description": "live, or computer-simulated (command-staff drills)",
                    "constraints": {"required": True, "enum": list(MODES)},
                },
                {
                    "name": "domain",
                    "type": "string",
                    "constraints": {"required": True, "enum": list(DOMAINS)},
                },
                {
                    "name": "region",
                    "type": "string",
                    "constraints": {"required": True, "enum": list(REGIONS)},
                },
                {"name": "location", "type": "string", "description": "Place as sourced"},
                {
                    "name": "lat",
                    "type": "number",
                    "description": "Approximate latitude, deg N",
                    "constraints": {"minimum": -90, "maximum": 90},
                },
                {
                    "name": "lon",
                    "type": "number",
                    "description": "Approximate longitude, deg E",
                    "constraints": {"minimum": -180, "maximum": 180},
                },
                {
                    "name": "format",
                    "type": "string",
                    "constraints": {"required": True, "enum": list(FORMATS)},
                },
                _URL,
                {
                    "name": "note",
                    "type": "string",
                    "description": "What was checked or added, in our words",
                },
                _ID,
            ],
            "primaryKey": ["exercise_id"],
        },
    },
    "timeline": {
        "title": "Timeline of events referred to in the lessons, 2010-2025",
        "description": (
            "Dated events on energy, arms sales, sanctions, diplomacy, military cooperation "
            "and economic pressure (category 'coercion': trade or other economic measures "
            "that reports link to a political dispute). Wording is ours and neutral; each "
            "row gives the page that supports it. date is YYYY-MM-DD, or YYYY-MM when only "
            "the month is known."
        ),
        "schema": {
            "fields": [
                {
                    "name": "event_id",
                    "type": "string",
                    "description": "<date>_<short name>, so that sorting by id sorts by date",
                    "constraints": {"required": True},
                },
                {
                    "name": "date",
                    "type": "string",
                    "description": _DATE_NOTE,
                    "constraints": {"required": True, "pattern": r"\d{4}-\d{2}(-\d{2})?"},
                },
                {"name": "event", "type": "string", "constraints": {"required": True}},
                {
                    "name": "category",
                    "type": "string",
                    "constraints": {"required": True, "enum": list(CATEGORIES)},
                },
                _URL,
                _ID,
            ],
            "primaryKey": ["event_id"],
        },
    },
}


def read_corrections(path: Path = CORRECTIONS_PATH) -> dict[str, list[dict]]:
    """The sourced corrections, grouped by ``row_id`` (``<year>|<published name>``)."""
    if not Path(path).is_file():
        raise RawDataError(f"corrections file not found: {path}")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    require_columns(frame, ["row_id", "field", "old", "new", "source_url", "note"], str(path))
    bad = sorted(set(frame["field"]) - set(CORRECTABLE_FIELDS))
    if bad or (frame["source_url"] == "").any() or (frame["note"] == "").any():
        raise RawDataError(f"{path}: unknown fields {bad} or a correction without source/note")
    grouped: dict[str, list[dict]] = {}
    for row in frame.to_dict("records"):
        grouped.setdefault(row["row_id"], []).append(row)
    return grouped


def _published_rows(raw: Path) -> list[tuple[tuple[int, str], dict, dict, str]]:
    """(key, raw row, classification, source_id) for every row of both compiled lists."""
    out = []
    for file, classes, source in ((EXERCISES_FILE, COMPILED_ROWS, COMPILED_SOURCE),
                                  (ADDITIONS_FILE, ADDITION_ROWS, ADDITIONS_SOURCE)):  # fmt: skip
        compiled = read_raw_csv(raw, file, dtype=str, keep_default_na=False)
        require_columns(compiled, ["year", "name", "start_date", "end_date", "location",
                                   "source_url"], file)  # fmt: skip
        keys = list(zip(compiled["year"].astype(int), compiled["name"], strict=True))
        unknown, unused = sorted(set(keys) - set(classes)), sorted(set(classes) - set(keys))
        if unknown or unused:
            raise RawDataError(f"{file}: unclassified rows {unknown}, stale {unused}")
        out += [(k, r, classes[k], source) for k, r in zip(keys, compiled.to_dict("records"),
                                                            strict=True)]  # fmt: skip
    return out


def joint_exercises(raw: Path) -> pd.DataFrame:
    """Classify both compiled lists, apply the sourced corrections, append the added rows."""
    corrections = read_corrections()
    published = _published_rows(raw)
    row_ids = [f"{key[0]}|{key[1]}" for key, *_ in published]
    stale = sorted(set(corrections) - set(row_ids))
    if stale or len(set(row_ids)) != len(row_ids):
        raise RawDataError(f"{CORRECTIONS_FILE}: corrections for unknown rows {stale}")
    rows = []
    for row_id, (key, raw_row, classes, source) in zip(row_ids, published, strict=True):
        fields = {f: raw_row[f] for f in CORRECTABLE_FIELDS}
        notes = []
        for fix in corrections.get(row_id, []):
            if fields[fix["field"]] != fix["old"]:
                raise RawDataError(
                    f"{CORRECTIONS_FILE}: {row_id} {fix['field']} is {fields[fix['field']]!r} "
                    f"in the raw file, not {fix['old']!r}"
                )
            fields[fix["field"]] = fix["new"]
            notes.append(fix["note"])
        if classes.get("note"):
            notes.append(classes["note"])
        if fields["location"].startswith("(location not given"):
            fields["location"] = ""
        row = {
            "year": key[0],
            **fields,
            "note": "; ".join(dict.fromkeys(notes)),
            "source_id": WEB_SOURCE if row_id in corrections else source,
            "mode": "live",
        }
        row.update({k: v for k, v in classes.items() if k != "note"})
        rows.append(row)
    for added in ADDED_ROWS:
        rows.append({"mode": "live", **added, "source_id": WEB_SOURCE})
    frame = pd.DataFrame(rows)
    place = frame["place"]
    unknown_places = sorted(set(place.dropna()) - set(PLACES))
    if unknown_places:
        raise ValueError(f"places without coordinates: {unknown_places}")
    frame["lat"] = [PLACES[p][0] if isinstance(p, str) else float("nan") for p in place]
    frame["lon"] = [PLACES[p][1] if isinstance(p, str) else float("nan") for p in place]
    frame["year"] = frame["year"].astype("int64")
    frame["note"] = frame["note"].replace("", None)
    cols = [f["name"] for f in RESOURCES["joint_exercises"]["schema"]["fields"]]
    return frame[cols].sort_values("exercise_id").reset_index(drop=True)


def timeline(raw: Path) -> pd.DataFrame:
    """The curated event list plus the 2021-2025 key events, sorted by event_id (by date)."""
    frame = pd.DataFrame(TIMELINE)
    frame["source_id"] = WEB_SOURCE
    compiled = read_raw_csv(raw, EVENTS_FILE, dtype=str, keep_default_na=False)
    require_columns(compiled, ["date", "event", "primary_or_reputable_url"], EVENTS_FILE)
    unknown = sorted(set(compiled["date"]) ^ set(KEY_EVENTS))
    if unknown or compiled["date"].duplicated().any():
        raise RawDataError(f"{EVENTS_FILE}: dates not matched one to one: {unknown}")
    key_events = pd.DataFrame([
        {"slug": KEY_EVENTS[r["date"]][0], "date": r["date"],
         "category": KEY_EVENTS[r["date"]][1], "event": KEY_EVENTS[r["date"]][2],
         "source_url": r["primary_or_reputable_url"], "source_id": EVENTS_SOURCE}
        for r in compiled.to_dict("records")
    ])  # fmt: skip
    frame = pd.concat([frame, key_events], ignore_index=True)
    frame["event_id"] = frame["date"] + "_" + frame["slug"]
    cols = [f["name"] for f in RESOURCES["timeline"]["schema"]["fields"]]
    return frame[cols].sort_values("event_id").reset_index(drop=True)


#: Raw files read by each resource (relative to the raw folder).
INPUTS: dict[str, tuple[str, ...]] = {
    "joint_exercises": (EXERCISES_FILE, ADDITIONS_FILE),
    "timeline": (EVENTS_FILE,),
}


def build(raw: Path, names=None) -> dict[str, pd.DataFrame]:
    """Build ``joint_exercises`` (from the compiled raw list) and ``timeline``."""
    builders = {"joint_exercises": lambda: joint_exercises(raw), "timeline": lambda: timeline(raw)}
    return {name: builders[name]() for name in (names or RESOURCES)}
