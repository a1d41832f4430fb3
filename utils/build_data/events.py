"""Event tables: Sino-Russian joint exercises and patrols, and a dated timeline of key events.

Why this module exists: the article weighs how far Russia-China military cooperation has
gone (joint exercises, bomber patrols, arms sales) against the economic and political
limits of the relationship, and it compares Russia's position with that of countries that
have faced Chinese economic pressure. Numbers alone cannot show that; students need dated,
sourced events. Both tables are hand-curated: every row carries the URL of a page that
supports it, and nothing is added that could not be found on such a page.

* ``joint_exercises`` starts from the COMPILED list in the reference data (30 rows, each
  with a URL), checks and completes it (dates, places, names) and adds exercises and patrols
  found with the project's search tool; each row's ``source_url`` is the page used.
* ``timeline`` lists the events the article refers to or that the lessons need, in neutral
  wording of our own.

Coordinates are approximate (rounded to 0.5 degrees) positions of the named town, range or
sea area, for maps only; they are empty when the sources name no single place.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import RawDataError, read_raw_csv, require_columns

EXERCISES_FILE = (
    "joint-exercises/sino_russian_joint_exercises_2005-2023_compiled_from_stored_pages.csv"
)
COMPILED_SOURCE = "lab_compiled_joint_exercises"
WEB_SOURCE = "lab_web_pages_2025"

TYPES = ("exercise", "air patrol", "naval patrol")
DOMAINS = ("land", "sea", "air", "combined")
FORMATS = ("bilateral", "multilateral")
REGIONS = (
    "Arabian Sea/Gulf of Oman", "Baltic Sea", "Central Asia", "East China Sea",
    "European Russia", "Mediterranean", "North China", "North Pacific", "Northeast China",
    "Northwest China", "Russian Far East", "Sea of Japan", "Sea of Japan/East China Sea",
    "South China Sea", "Southern Russia", "Volga/Urals", "Western Pacific", "Yellow Sea",
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
    "Mediterranean Sea": (35.0, 18.0),
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
        region="Volga/Urals", place="Chebarkul range, Chelyabinsk", format="multilateral",
        start_date="2007-08-09", end_date="2007-08-17",
        source_url="https://www.rusi.org/publication/shanghai-cooperation-organisation-military-exercise-9-17-august",
        note="Dates from RUSI; consultations in Urumqi, field phase near Chelyabinsk"),
    (2009, "Peace Mission-2009"): dict(
        exercise_id="2009_peace_mission", type="exercise", domain="land",
        region="Northeast China", place="Taonan, Jilin", format="bilateral",
        start_date="2009-07-22", end_date="2009-07-26",
        location="Taonan tactical training base, Jilin (China); opened in Khabarovsk",
        source_url="http://www.bjreview.com.cn/print/txt/2009-07/24/content_209206.htm",
        note="Dates and place added (the compiled list gave the year only)"),
    (2010, "Peace Mission-2010"): dict(
        exercise_id="2010_peace_mission", type="exercise", domain="land",
        region="Central Asia", place=None, format="multilateral"),
    (2012, "Joint Sea-2012"): dict(
        exercise_id="2012_joint_sea", type="exercise", domain="sea",
        region="Yellow Sea", place="Qingdao", format="bilateral"),
    (2012, "Peace Mission-2012"): dict(
        exercise_id="2012_peace_mission", type="exercise", domain="land",
        region="Central Asia", place="Khujand", format="multilateral",
        start_date="2012-06-09", end_date="2012-06-14",
        location="Chorukh-Dayron range near Khujand (Tajikistan)",
        source_url="http://en.people.cn/90786/7846814.html",
        note="Dates and place added (the compiled list gave the year only)"),
    (2013, "Joint Sea-2013 (Russian name: Naval Cooperation-2013)"): dict(
        exercise_id="2013_joint_sea", type="exercise", domain="sea",
        region="Sea of Japan", place="Peter the Great Gulf", format="bilateral"),
    (2013, "joint anti-terrorism drill (Chelyabinsk region)"): dict(
        exercise_id="2013_peace_mission", name="Peace Mission-2013", type="exercise",
        domain="land", region="Volga/Urals", place="Chebarkul range, Chelyabinsk",
        format="bilateral", start_date="2013-07-27", end_date="2013-08-15",
        location="Chebarkul range, Chelyabinsk region (Russia)",
        source_url="https://eurodialogue.org/Russia-China-Military-Drills-Gaining-Momentum",
        note="Name and dates added (the compiled list had no name)"),
    (2014, "Joint Sea-2014"): dict(
        exercise_id="2014_joint_sea", type="exercise", domain="sea",
        region="East China Sea", place="East China Sea east of the Yangtze estuary",
        format="bilateral", start_date="2014-05-20", end_date="2014-05-26",
        location="Northern East China Sea; opened at Wusong naval port, Shanghai",
        source_url="https://global.chinadaily.com.cn/china/2014-05/20/content_17526520.htm",
        note="Dates and area added"),
    (2014, "Peace Mission-2014"): dict(
        exercise_id="2014_peace_mission", type="exercise", domain="land",
        region="North China", place="Zhurihe, Inner Mongolia", format="multilateral",
        end_date="2014-08-29",
        source_url="https://sldinfo.com/2014/10/analyzing-peace-mission-2014-china-and-russia-exercise-with-the-central-asian-states/",
        note="End date added"),
    (2015, "Joint Sea-2015 (I)"): dict(
        exercise_id="2015_joint_sea_1", type="exercise", domain="sea",
        region="Mediterranean", place="Mediterranean Sea", format="bilateral"),
    (2015, "Joint Sea-2015 (II)"): dict(
        exercise_id="2015_joint_sea_2", type="exercise", domain="sea",
        region="Sea of Japan", place="Peter the Great Gulf", format="bilateral"),
    (2016, "Joint Sea-2016"): dict(
        exercise_id="2016_joint_sea", type="exercise", domain="sea",
        region="South China Sea", place="South China Sea east of Zhanjiang",
        format="bilateral"),
    (2016, "Peace Mission-2016"): dict(
        exercise_id="2016_peace_mission", type="exercise", domain="land",
        region="Central Asia", place="Balykchy, Issyk-Kul", format="multilateral",
        start_date="2016-09-15", end_date="2016-09-21",
        location="Edelweiss range, Balykchy, Issyk-Kul region (Kyrgyzstan)",
        source_url="https://en.inform.kz/amp/sco-countries-display-high-combat-potential-kyrgyz-general-staff-chief_a2951406/",
        note="Dates and place added (the compiled list gave the year only)"),
    (2017, "Joint Sea-2017 (phase 1)"): dict(
        exercise_id="2017_joint_sea_1", type="exercise", domain="sea",
        region="Baltic Sea", place="Baltic Sea off Baltiysk", format="bilateral"),
    (2017, "Joint Sea-2017 (phase 2)"): dict(
        exercise_id="2017_joint_sea_2", type="exercise", domain="sea",
        region="Sea of Japan", place="Peter the Great Gulf", format="bilateral"),
    (2018, "Peace Mission-2018"): dict(
        exercise_id="2018_peace_mission", type="exercise", domain="land",
        region="Volga/Urals", place="Chebarkul range, Chelyabinsk", format="multilateral",
        start_date="2018-08-22", end_date="2018-08-29",
        source_url="https://www.ids.nic.in/hadr-exercises-detail.php?id=MTA%3D",
        note="Dates added from India's Integrated Defence Staff"),
    (2018, "Vostok-2018 (PLA participation)"): dict(
        exercise_id="2018_vostok", type="exercise", domain="land",
        region="Russian Far East", place="Tsugol range", format="multilateral",
        start_date="2018-09-11", end_date="2018-09-15",
        source_url="http://eng.chinamil.com.cn/CHINA_209163/TopStories_209189/9259467.html",
        note="Joint phase with the PLA (about 3,200 troops); Mongolia also took part"),
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
        format="bilateral", end_date="2022-12-27",
        source_url="http://en.people.cn/n3/2022/1228/c90000-10189186.html",
        note="End date added"),
    (2023, "6th joint strategic air patrol"): dict(
        exercise_id="2023_air_patrol_6", type="air patrol", domain="air",
        region="Sea of Japan/East China Sea", place="Sea of Japan and East China Sea",
        format="bilateral"),
    (2023, "7th joint strategic air patrol"): dict(
        exercise_id="2023_air_patrol_7", type="air patrol", domain="air",
        region="Sea of Japan/East China Sea", place="Sea of Japan and East China Sea",
        format="bilateral"),
}  # fmt: skip

#: Exercises and patrols not in the compiled list, each found with the search tool.
ADDED_ROWS: list[dict] = [
    dict(exercise_id="2016_aerospace_security", year=2016, name="Aerospace Security-2016",
         start_date="2016-05-26", end_date="2016-05-28", type="exercise", domain="air",
         region="European Russia", place=None, format="bilateral",
         location="Research centre of the Russian Aerospace Defence Forces (Russia)",
         source_url="https://tass.com/defense/878407",
         note="First joint computer-simulated missile-defence command-staff exercise"),
    dict(exercise_id="2017_aerospace_security", year=2017, name="Aerospace Security-2017",
         start_date="2017-12-11", end_date="2017-12-16", type="exercise", domain="air",
         region="North China", place="Beijing", format="bilateral", location="Beijing (China)",
         source_url="http://english.chinamil.com.cn/view/2017-11/17/content_7831133.htm",
         note="Second computer-simulated missile-defence command-staff exercise"),
    dict(exercise_id="2019_marine_security_belt", year=2019, name="Marine Security Belt",
         start_date="2019-12-27", end_date="2019-12-30", type="exercise", domain="sea",
         region="Arabian Sea/Gulf of Oman", place="Gulf of Oman off Chabahar",
         format="multilateral", location="Northern Indian Ocean and Gulf of Oman",
         source_url="https://en.mehrnews.com/news/153716/Iran-Russia-China-start-joint-maritime-maneuver",
         note="Trilateral with Iran; four days from 27 December"),
    dict(exercise_id="2020_air_patrol_2", year=2020, name="2nd joint strategic air patrol",
         start_date="2020-12-22", end_date="2020-12-22", type="air patrol", domain="air",
         region="Sea of Japan/East China Sea", place="Sea of Japan and East China Sea",
         format="bilateral", location="Sea of Japan and East China Sea",
         source_url="http://eng.chinamil.com.cn/view/2020-12/23/content_9957168.htm",
         note="Four H-6K and two Tu-95 bombers"),
    dict(exercise_id="2021_air_patrol_3", year=2021, name="3rd joint strategic air patrol",
         start_date="2021-11-19", end_date="2021-11-19", type="air patrol", domain="air",
         region="Sea of Japan/East China Sea", place="Sea of Japan and East China Sea",
         format="bilateral", location="Sea of Japan and East China Sea",
         source_url="https://www.theepochtimes.com/china-russia-bombers-hold-joint-patrol-over-sea-of-japan_4114727.html?slsuccess=1",
         note="Joint release of both defence ministries; two H-6K and two Tu-95MS"),
    dict(exercise_id="2022_air_patrol_4", year=2022, name="4th joint strategic air patrol",
         start_date="2022-05-24", end_date="2022-05-24", type="air patrol", domain="air",
         region="Sea of Japan/East China Sea", place="Sea of Japan and East China Sea",
         format="bilateral", location="Sea of Japan, East China Sea and western Pacific",
         source_url="https://www.japantimes.co.jp/news/2022/05/24/national/china-russia-bombers-japan/",
         note="Held while Quad leaders met in Tokyo"),
    dict(exercise_id="2022_naval_patrol_2", year=2022, name="2nd joint naval patrol",
         start_date="2022-09", end_date="", type="naval patrol", domain="sea",
         region="Western Pacific", place=None, format="bilateral",
         location="Pacific Ocean and Sea of Okhotsk",
         source_url="https://tass.com/defense/1512075",
         note="Over 3,000 nautical miles sailed in 12 days (Russian Defence Ministry, 23 Sep)"),
    dict(exercise_id="2022_air_patrol_5", year=2022, name="5th joint strategic air patrol",
         start_date="2022-11-30", end_date="2022-11-30", type="air patrol", domain="air",
         region="Sea of Japan/East China Sea", place="Sea of Japan and East China Sea",
         format="bilateral", location="Sea of Japan, East China Sea and Pacific",
         source_url="https://japannews.yomiuri.co.jp/politics/defense-security/20221201-74197/",
         note="Japan's Defence Ministry reported two H-6 and two Tu-95 bombers"),
    dict(exercise_id="2022_marine_security_belt", year=2022, name="Marine Security Belt 2022",
         start_date="2022-01-21", end_date="", type="exercise", domain="sea",
         region="Arabian Sea/Gulf of Oman", place="Gulf of Oman off Chabahar",
         format="multilateral", location="Northern Indian Ocean",
         source_url="https://iranpress.com/iran-launches-joint-naval-exercise-with-china-russia",
         note="Trilateral with Iran"),
    dict(exercise_id="2023_security_bond", year=2023, name="Security Bond-2023",
         start_date="2023-03-15", end_date="2023-03-19", type="exercise", domain="sea",
         region="Arabian Sea/Gulf of Oman", place="Gulf of Oman off Chabahar",
         format="multilateral", location="Gulf of Oman",
         source_url="https://limnews.com/news/2023-03-15-china-announces-a-round-of-joint-naval-exercises-with-russia-and-iran.BkTU2xkgh.html",
         note="With Iran; builds on the 2019 and 2022 drills (Chinese Defence Ministry)"),
    dict(exercise_id="2023_northern_interaction", year=2023,
         name="Northern/Interaction-2023", start_date="2023-07-20", end_date="2023-07-23",
         type="exercise", domain="sea", region="Sea of Japan", place="Central Sea of Japan",
         format="bilateral", location="Central Sea of Japan",
         source_url="https://tass.com/defense/1650699",
         note="Warships and over 30 naval aircraft from both sides"),
    dict(exercise_id="2023_naval_patrol_3", year=2023,
         name="Joint naval patrol, western and northern Pacific", start_date="2023-07",
         end_date="2023-08", type="naval patrol", domain="sea", region="North Pacific",
         place=None, format="bilateral", location="Western and northern Pacific, near the "
         "Aleutian Islands", source_url="https://www.geo.tv/latest/503729-us-responds-to-russia-china-naval-patrol-off-alaska-as-tensions-rise",
         note="Eleven ships reported near the Aleutians; stayed in international waters"),
]  # fmt: skip

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
    dict(slug="espo_price_settlement", date="2012-03-02", category="energy",
         event="China says the pipeline crude price dispute is settled; Russian sources "
         "report a discount of USD 1.5 per barrel for CNPC",
         source_url="http://www.reuters.com/article/china-russia-oil-idUSL4E8E24MA20120302"),
    dict(slug="philippines_bananas", date="2012-05", category="coercion",
         event="During the Scarborough Shoal standoff, Chinese quarantine authorities "
         "tighten inspections of Philippine bananas and other fruit",
         source_url="http://www.wantchinatimes.com/news-subclass-cnt.aspx?id=20120511000029&cid=1101"),
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
         event="Rostec announces a contract for 24 Su-35 fighters for China, reported at "
         "about USD 2 bn; China is the first foreign customer",
         source_url="https://baonghean.vn/en/trung-quoc-mua-cua-nga-lo-chien-dau-co-su-35-tri-gia-2-ty-usd-10089734.html"),
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
         source_url="https://mia.mk/2019/11/macron-tells-economist-nato-is-brain-dead-europe-stands-on-the-edge-of-a-precipice/?lang=en"),
    dict(slug="power_of_siberia_opening", date="2019-12-02", category="energy",
         event="Putin and Xi open the Power of Siberia gas pipeline by video link and gas "
         "deliveries to China begin",
         source_url="https://www.themoscowtimes.com/2019/12/02/russia-launches-power-siberia-gas-exports-china-a68423"),
    dict(slug="australia_beef", date="2020-05-12", category="coercion",
         event="China suspends beef imports from four Australian meat processors, citing "
         "violations of inspection and quarantine requirements",
         source_url="https://www.devdiscourse.com/article/law-order/1046946-china-says-suspended-imports-of-beef-products-from-four-australian-firms"),
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
         source_url="https://www.lakecountystar.com/news/article/Putin-Russia-China-military-alliance-can-t-be-15667694.php"),
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
        "url": "",
        "version_or_access_date": f"Compiled from stored web pages; {_ACCESS}",
        "licence": "Facts from press and official pages; cite the page in source_url",
        "citation": "Joint exercises compiled for this project from press and official pages; "
        "see source_url for each row.",
        "short": "Compiled from press and official pages (2025)",
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
        "title": "Sino-Russian joint exercises and patrols, 2005-2023",
        "description": (
            "Exercises, joint air patrols and joint naval patrols in which the armed forces "
            "of China and Russia both took part, including multilateral ones (SCO Peace "
            "Mission, Russian strategic exercises with PLA contingents, drills with Iran). "
            "Built from the compiled list in the reference data, with dates, places and "
            "names checked and completed, plus rows found with the search tool; each row "
            "gives its supporting page. Not exhaustive (CSIS ChinaPower counts 53 exercises "
            "in 2005-2021; computer-simulated, medical or sports events are mostly missing). "
            "lat/lon: approximate position (0.5 degree) of the named place for maps; empty "
            "when no single place is named. type: exercise / air patrol / naval patrol; "
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
                    "constraints": {"required": True, "minimum": 2005, "maximum": 2023},
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
        "title": "Timeline of events referred to in the lessons, 2010-2022",
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


def joint_exercises(raw: Path) -> pd.DataFrame:
    """Classify and correct the compiled exercise list, then append the added rows."""
    compiled = read_raw_csv(raw, EXERCISES_FILE, dtype=str, keep_default_na=False)
    require_columns(compiled, ["year", "name", "start_date", "end_date", "location",
                               "source_url"], EXERCISES_FILE)  # fmt: skip
    keys = list(zip(compiled["year"].astype(int), compiled["name"], strict=True))
    unknown = sorted(set(keys) - set(COMPILED_ROWS))
    unused = sorted(set(COMPILED_ROWS) - set(keys))
    if unknown or unused:
        raise RawDataError(f"{EXERCISES_FILE}: unclassified rows {unknown}, stale {unused}")
    rows = []
    for key, raw_row in zip(keys, compiled.to_dict("records"), strict=True):
        location = raw_row["location"]
        if location.startswith("(location not given"):
            location = ""
        row = {
            "year": key[0],
            "name": key[1],
            "start_date": raw_row["start_date"],
            "end_date": raw_row["end_date"],
            "location": location,
            "source_url": raw_row["source_url"],
            "note": "",
            "source_id": COMPILED_SOURCE,
        }
        overrides = COMPILED_ROWS[key]
        if "source_url" in overrides:  # a field was checked or completed on another page
            row["source_id"] = WEB_SOURCE
        row.update(overrides)
        rows.append(row)
    for added in ADDED_ROWS:
        rows.append({**added, "source_id": WEB_SOURCE})
    frame = pd.DataFrame(rows)
    place = frame["place"]
    unknown_places = sorted(set(place.dropna()) - set(PLACES))
    if unknown_places:
        raise ValueError(f"places without coordinates: {unknown_places}")
    frame["lat"] = [PLACES[p][0] if isinstance(p, str) else float("nan") for p in place]
    frame["lon"] = [PLACES[p][1] if isinstance(p, str) else float("nan") for p in place]
    frame["year"] = frame["year"].astype("int64")
    cols = [f["name"] for f in RESOURCES["joint_exercises"]["schema"]["fields"]]
    return frame[cols].sort_values("exercise_id").reset_index(drop=True)


def timeline() -> pd.DataFrame:
    """The curated event list as a frame sorted by event_id (that is, by date)."""
    frame = pd.DataFrame(TIMELINE)
    frame["event_id"] = frame["date"] + "_" + frame["slug"]
    frame["source_id"] = WEB_SOURCE
    cols = [f["name"] for f in RESOURCES["timeline"]["schema"]["fields"]]
    return frame[cols].sort_values("event_id").reset_index(drop=True)


#: Raw files read by each resource (relative to the raw folder).
INPUTS: dict[str, tuple[str, ...]] = {"joint_exercises": (EXERCISES_FILE,), "timeline": ()}


def build(raw: Path, names=None) -> dict[str, pd.DataFrame]:
    """Build ``joint_exercises`` (from the compiled raw list) and ``timeline``."""
    builders = {"joint_exercises": lambda: joint_exercises(raw), "timeline": timeline}
    return {name: builders[name]() for name in (names or RESOURCES)}
