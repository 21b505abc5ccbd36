import json, random
A = "/work/shared/eval/squad-rhine/articles/"
items = []
def add(typ, label, q, claim, *quotes):
    items.append(dict(question=q, claim=claim, quotes=[{"file": f, "quote": t} for f, t in quotes], label=label, type=typ))
S, U = "supported", "unsupported"

# ---------------- paraphrase
add("paraphrase", S, "Which is the largest city on the Rhine?",
    "Cologne in Germany, home to over 1.05 million residents, is the largest city along the Rhine.",
    ("rhine_1.txt", "The biggest city on the river Rhine is Cologne, Germany with a population of more than 1,050,000 people."))
add("paraphrase", S, "How much does the Aare add to the Rhine's flow?",
    "When the Aare joins, the Rhine's discharge rises to more than twice what it was, reaching an average of almost 1,000 cubic metres per second, and the Aare accounts for over 20 percent of the flow at the Dutch border.",
    ("rhine_2.txt", "The Aare more than doubles the Rhine's water discharge, to an average of nearly 1,000 m3/s (35,000 cu ft/s), and provides more than a fifth of the discharge at the Dutch border."))
add("paraphrase", S, "How much of the Rhine's water goes through the IJssel?",
    "The IJssel takes a ninth of the Rhine's flow northward into the IJsselmeer, formerly a bay.",
    ("rhine_3.txt", "The IJssel branch carries one ninth of the water flow of the Rhine north into the IJsselmeer (a former bay), while the Nederrijn carries approximately two ninths of the flow west along a route parallel to the Waal."))
add("paraphrase", S, "When did Europe become fully forested after the last ice age?",
    "Forest had covered all of Europe by 9,000 years before present.",
    ("rhine_4.txt", "By 9000 BP, Europe was fully forested."))
add("paraphrase", S, "How many legions did the Romans station along the Rhine?",
    "Along the Rhine, Rome maintained 8 legions spread across 5 bases.",
    ("rhine_5.txt", "The Romans kept eight legions in five bases along the Rhine."))
add("paraphrase", S, "Who founded the Confederation of the Rhine and how long did it last?",
    "Napoleon set up the Confederation of the Rhine in 1806 as a client state of France, and it survived until 1814.",
    ("rhine_6.txt", "The Confederation of the Rhine was established by Napoleon, as a French client state, in 1806 and lasted until 1814, during which time it served as a significant source of resources and military manpower for the First French Empire."))
add("paraphrase", S, "What is the Rhine Gorge known for?",
    "The Rhine Gorge, a fairly deep stretch of the river, is renowned for its numerous vineyards and castles.",
    ("rhine_2.txt", "The gorge is quite deep and is the stretch of the river which is known for its many castles and vineyards."))
add("paraphrase", S, "How long is the Rhine?",
    "Measuring roughly 1,230 kilometres, the Rhine ranks behind only the Danube as the longest river of Central and Western Europe.",
    ("rhine_1.txt", "It is the second-longest river in Central and Western Europe (after the Danube), at about 1,230 km (760 mi),[note 2][note 1] with an average discharge of about 2,900 m3/s (100,000 cu ft/s)."))

# ---------------- exact
add("exact", S, "Where do the Anterior and Posterior Rhine meet?",
    "Near Tamins-Reichenau the Anterior Rhine and the Posterior Rhine join and form the Rhine.",
    ("rhine_1.txt", "Near Tamins-Reichenau the Anterior Rhine and the Posterior Rhine join and form the Rhine."))
add("exact", S, "Where is the legal boundary between the High Rhine and the Upper Rhine?",
    "Legally, the Central Bridge is the boundary between the High and Upper Rhine.",
    ("rhine_2.txt", "Legally, the Central Bridge is the boundary between High and Upper Rhine."))
add("exact", S, "Where does the Rhine-Meuse Delta begin?",
    "The Rhine-Meuse Delta begins near Millingen aan de Rijn, close to the Dutch-German border, with the division of the Rhine into Waal and Nederrijn.",
    ("rhine_3.txt", "The Rhine-Meuse Delta, the most important natural region of the Netherlands begins near Millingen aan de Rijn, close to the Dutch-German border with the division of the Rhine into Waal and Nederrijn."))
add("exact", S, "How much did sea level drop during the major Ice Ages?",
    "Since approximately 600,000 years ago, six major Ice Ages have occurred, in which sea level dropped 120 m (390 ft).",
    ("rhine_4.txt", "Since approximately 600,000 years ago, six major Ice Ages have occurred, in which sea level dropped 120 m (390 ft) and much of the continental margins became exposed."))
add("exact", S, "When did the Rhine first appear in the historical record?",
    "The Rhine was not known to Herodotus and first enters the historical period in the 1st century BC in Roman-era geography.",
    ("rhine_5.txt", "The Rhine was not known to Herodotus and first enters the historical period in the 1st century BC in Roman-era geography."))
add("exact", S, "What was Seven Days to the River Rhine?",
    "Seven Days to the River Rhine was a Warsaw Pact war plan for an invasion of Western Europe during the Cold War.",
    ("rhine_6.txt", "Seven Days to the River Rhine was a Warsaw Pact war plan for an invasion of Western Europe during the Cold War."))
add("exact", S, "Which is the longest river in Germany?",
    "The Rhine is the longest river in Germany.",
    ("rhine_2.txt", "The Rhine is the longest river in Germany."))
add("exact", S, "What happened to the Rhine's sediment load as a result of Bronze Age land clearance?",
    "As a result of increasing land clearance in the upland areas of central Germany, the sediment load of the Rhine has strongly increased and delta growth has sped up.",
    ("rhine_5.txt", "As a result of increasing land clearance (Bronze Age agriculture), in the upland areas (central Germany), the sediment load of the Rhine has strongly increased and delta growth has sped up."))

# ---------------- partial_answer_ok
add("partial_answer_ok", S, "What bodies of water make up Lake Constance?",
    "One of the bodies of water that make up Lake Constance is the Untersee, or \"lower lake\".",
    ("rhine_1.txt", "Lake Constance consists of three bodies of water: the Obersee (\"upper lake\"), the Untersee (\"lower lake\"), and a connecting stretch of the Rhine, called the Seerhein (\"Lake Rhine\")."))
add("partial_answer_ok", S, "What are the main tributaries of the Rhine in the Upper Rhine Plain?",
    "The Neckar, which joins at Mannheim, is among the most important tributaries in the Upper Rhine Plain.",
    ("rhine_2.txt", "The river now flows North as Upper Rhine through the Upper Rhine Plain, which is about 300 km long and up to 40 km wide. The most important tributaries in this area are the Ill below of Strasbourg, the Neckar in Mannheim and the Main across from Mainz."))
add("partial_answer_ok", S, "Where does Rhine water flow into the sea today?",
    "Rhine water currently reaches the sea, or former marine bays, in five places.",
    ("rhine_3.txt", "Currently Rhine water runs into the sea, or into former marine bays now separated from the sea, in five places, namely at the mouths of the Nieuwe Merwede, Nieuwe Waterway (Nieuwe Maas), Dordtse Kil, Spui and IJssel."))
add("partial_answer_ok", S, "Which rivers had the Rhine captured by the Pliocene?",
    "By the Pliocene, the Main was among the streams the Rhine had captured.",
    ("rhine_4.txt", "By the Pliocene period, the Rhine had captured streams down to the Vosges Mountains, including the Mosel, the Main and the Neckar."))
add("partial_answer_ok", S, "What kingdoms did Germanic tribes establish along the Rhine in the Migration period?",
    "By the 5th century, Germanic tribes had established the kingdom of Burgundy on the Upper Rhine.",
    ("rhine_5.txt", "Germanic tribes crossed the Rhine in the Migration period, by the 5th century establishing the kingdoms of Francia on the Lower Rhine, Burgundy on the Upper Rhine and Alemannia on the High Rhine."))
add("partial_answer_ok", S, "Which French leaders tried to annex lands west of the Rhine?",
    "Louis XIV was one of the French leaders who tried to annex lands west of the Rhine.",
    ("rhine_6.txt", "French leaders, such as Louis XIV and Napoleon Bonaparte, tried with varying degrees of success to annex lands west of the Rhine."))
add("partial_answer_ok", S, "What is notable about Duisburg?",
    "Duisburg is home to the largest inland port in Europe.",
    ("rhine_2.txt", "Duisburg is the home of Europe's largest inland port and functions as a hub to the sea ports of Rotterdam, Antwerp and Amsterdam."))
add("partial_answer_ok", S, "How is the Rhine's discharge divided among its Dutch branches?",
    "The Waal takes six ninths of the Rhine's total discharge.",
    ("rhine_5.txt", "The discharge of the Rhine is divided among three branches: the River Waal (6/9 of total discharge), the River Nederrijn – Lek (2/9 of total discharge) and the River IJssel (1/9 of total discharge)."))

# ---------------- synthesis
add("synthesis", S, "How is the Rhine's length officially measured, and why is the river shorter than its natural course?",
    "Rhine-kilometres, a scale introduced in 1939, run from 0 at Constance's Old Rhine Bridge to 1036.20 at Hoek van Holland, and the river is much shorter than its natural course because of canalisation projects of the 19th and 20th centuries.",
    ("rhine_1.txt", "The length of the Rhine is conventionally measured in \"Rhine-kilometers\" (Rheinkilometer), a scale introduced in 1939 which runs from the Old Rhine Bridge at Constance (0 km) to Hoek van Holland (1036.20 km)."),
    ("rhine_1.txt", "The river length is significantly shortened from the river's natural course due to number of canalisation projects completed in the 19th and 20th century."))
add("synthesis", S, "Which tributary brings water from the highest point of the Rhine basin?",
    "The Aare, the Rhine's major tributary, brings in waters from the 4,274 m Finsteraarhorn, the highest point of the Rhine basin.",
    ("rhine_2.txt", "The Rhine emerges from Lake Constance, flows generally westward, as the Hochrhein, passes the Rhine Falls, and is joined by its major tributary, the river Aare."),
    ("rhine_2.txt", "The Aare also contains the waters from the 4,274 m (14,022 ft) summit of Finsteraarhorn, the highest point of the Rhine basin."))
add("synthesis", S, "How much of the Rhine flows into the IJsselmeer, and what kind of water body is it?",
    "The IJssel carries one ninth of the Rhine's flow north into the IJsselmeer, which was formerly the Zuider Zee brackish lagoon and has been a freshwater lake since 1932.",
    ("rhine_3.txt", "The IJssel branch carries one ninth of the water flow of the Rhine north into the IJsselmeer (a former bay), while the Nederrijn carries approximately two ninths of the flow west along a route parallel to the Waal."),
    ("rhine_5.txt", "The river IJssel branch flows to the north and enters the IJsselmeer, formerly the Zuider Zee brackish lagoon; however, since 1932, a freshwater lake."))
add("synthesis", S, "How did the Rhine's course change during the Pleistocene?",
    "In the Early Pleistocene the Rhine ran northwest through what is now the North Sea, but during the Anglian glaciation about 450,000 years ago its course was diverted through the English Channel.",
    ("rhine_4.txt", "In the Early Pleistocene, the Rhine followed a course to the northwest, through the present North Sea."),
    ("rhine_4.txt", "During the so-called Anglian glaciation (~450,000 yr BP, marine oxygen isotope stage 12), the northern part of the present North Sea was blocked by the ice and a large lake developed, that overflowed through the English Channel. This caused the Rhine's course to be diverted through the English Channel."))
add("synthesis", S, "What were the origins of Cologne, and how big is it today?",
    "Cologne, the largest city on the Rhine with more than 1,050,000 people, descends from oppidum Ubiorum, a site that held two legions and was renamed Colonia Agrippina.",
    ("rhine_1.txt", "The biggest city on the river Rhine is Cologne, Germany with a population of more than 1,050,000 people."),
    ("rhine_5.txt", "Between about AD 14 and 180, the assignment of legions was as follows: for the army of Germania Inferior, two legions at Vetera (Xanten), I Germanica and XX Valeria (Pannonian troops); two legions at oppidum Ubiorum (\"town of the Ubii\"), which was renamed to Colonia Agrippina, descending to Cologne, V Alaudae, a Celtic legion recruited from Gallia Narbonensis and XXI, possibly a Galatian legion from the other side of the empire."))
add("synthesis", S, "What was the Rhine's accepted length before 1932, and what length does the Rijkswaterstaat confirm?",
    "Until 1932 the Rhine was generally accepted to be 1,230 km long, while the Dutch Rijkswaterstaat confirms a length of 1,232 km.",
    ("rhine_6.txt", "Until 1932 the generally accepted length of the Rhine was 1,230 kilometres (764 miles)."),
    ("rhine_6.txt", "The error was discovered in 2010, and the Dutch Rijkswaterstaat confirms the length at 1,232 kilometres (766 miles)."))
add("synthesis", S, "What is the Rhine Gorge and what is it famous for?",
    "The Rhine Gorge, carved by erosion between Bingen and Bonn, became a UNESCO World Heritage Site in 2002 and has over 40 medieval castles and fortresses.",
    ("rhine_2.txt", "Between Bingen and Bonn, the Middle Rhine flows through the Rhine Gorge, a formation which was created by erosion."),
    ("rhine_2.txt", "The gorge is quite deep and is the stretch of the river which is known for its many castles and vineyards. It is a UNESCO World Heritage Site (2002) and known as \"the Romantic Rhine\", with more than 40 castles and fortresses from the Middle Ages and many quaint and lovely country villages."))
add("synthesis", S, "How long were the allies supposed to occupy the Rhineland after World War I, and when did they actually leave?",
    "Although the Treaty of Versailles provided for Allied occupation of the Rhineland until 1935, the allies left in 1930, and the German army re-occupied the area in 1936.",
    ("rhine_6.txt", "At the end of World War I, the Rhineland was subject to the Treaty of Versailles. This decreed that it would be occupied by the allies, until 1935 and after that, it would be a demilitarised zone, with the German army forbidden to enter."),
    ("rhine_6.txt", "The allies left the Rhineland, in 1930 and the German army re-occupied it in 1936, which was enormously popular in Germany."))

# ---------------- wrong_relation
add("wrong_relation", U, "Which river joins the Rhine at Duisburg?",
    "At Duisburg, the Rhine flows into the Ruhr.",
    ("rhine_2.txt", "The Ruhr, which joins the Rhine in Duisburg, is nowadays a clean river, thanks to a combination of stricter environmental controls, a transition from heavy industry to light industry and cleanup measures, such as the reforestation of Slag and brownfields."))
add("wrong_relation", U, "Where does the Rhine enter Lake Constance?",
    "The Rhine flows out of Lake Constance to the south, following the Swiss-Austrian border.",
    ("rhine_1.txt", "The Rhine flows into it from the south following the Swiss-Austrian border."))
add("wrong_relation", U, "What happens near Arnhem in the Rhine delta?",
    "Near Arnhem, the Nederrijn branches off from the IJssel.",
    ("rhine_3.txt", "The shape of the Rhine delta is determined by two bifurcations: first, at Millingen aan de Rijn, the Rhine splits into Waal and Pannerdens Kanaal, which changes its name to Nederrijn at Angeren, and second near Arnhem, the IJssel branches off from the Nederrijn."))
add("wrong_relation", U, "What happened to the Thames and the Seine during glacial times?",
    "During glacial times, with its mouth offshore of Brest, the Rhine became a tributary of the Thames and the Seine.",
    ("rhine_4.txt", "Since then, during glacial times, the river mouth was located offshore of Brest, France and rivers, like the Thames and the Seine, became tributaries to the Rhine."))
add("wrong_relation", U, "What did Archduke Sigismund of Austria do with the Alsace?",
    "In 1469 Archduke Sigismund of Austria bought the Alsace from Burgundy.",
    ("rhine_5.txt", "The Alsace on the left banks of the Upper Rhine was sold to Burgundy by Archduke Sigismund of Austria in 1469 and eventually fell to France in the Thirty Years' War."))
add("wrong_relation", U, "What role did the Confederation of the Rhine play for the First French Empire?",
    "The Confederation of the Rhine, set up by Napoleon in 1806, drew significant resources and military manpower from the First French Empire.",
    ("rhine_6.txt", "The Confederation of the Rhine was established by Napoleon, as a French client state, in 1806 and lasted until 1814, during which time it served as a significant source of resources and military manpower for the First French Empire."))
add("wrong_relation", U, "Where is the western end of the Wesel-Datteln Canal?",
    "The western end of the Wesel-Datteln Canal is in Wesel, 30 km upstream of Duisburg.",
    ("rhine_2.txt", "In Wesel, 30 km downstream of Duisburg, is located the western end of the second east-west shipping route, the Wesel-Datteln Canal, which runs parallel to the Lippe."))
add("wrong_relation", U, "Where does the Dornbirner Ach flow after it was diverted?",
    "After being diverted, the Dornbirner Ach now flows into the canalized Rhine before it reaches the lake.",
    ("rhine_1.txt", "The Dornbirner Ach had to be diverted, too, and it now flows parallel to the canalized Rhine into the lake."))

# ---------------- negation_flip
add("negation_flip", U, "What stops the Rhine from flowing into the Seeztal valley near Sargans?",
    "Near Sargans, a natural dam only a few metres high lets the Rhine flow into the open Seeztal valley and on through Lake Walen and Lake Zurich into the Aare.",
    ("rhine_1.txt", "Near Sargans a natural dam, only a few metres high, prevents it from flowing into the open Seeztal valley and then through Lake Walen and Lake Zurich into the river Aare."))
add("negation_flip", U, "Did the first Rhine river carry water from the Alps?",
    "By the Miocene, the first Rhine river in the Upper Rhine Graben was already carrying discharge from the Alps.",
    ("rhine_4.txt", "By the time of the Miocene, a river system had developed in the Upper Rhine Graben, that continued northward and is considered the first Rhine river. At that time, it did not yet carry discharge from the Alps; instead, the watersheds of the Rhone and Danube drained the northern flanks of the Alps."))
add("negation_flip", U, "Are the other rivers of the Ruhr Area still polluted?",
    "Other rivers in the Ruhr Area, notably the Emscher, no longer carry any considerable pollution.",
    ("rhine_2.txt", "Other rivers in the Ruhr Area, above all, the Emscher, still carry a considerable degree of pollution."))
add("negation_flip", U, "Do the smaller Dutch streams called Rijn still carry water from the Rhine?",
    "Besides keeping the name, these Rijn streams still carry water from the Rhine and also drain the surrounding land and polders.",
    ("rhine_3.txt", "Though they retained the name, these streams no longer carry water from the Rhine, but are used for draining the surrounding land and polders."))
add("negation_flip", U, "Did Herodotus know about the Rhine?",
    "The Rhine was already known to Herodotus, though it first enters the historical period in the 1st century BC in Roman-era geography.",
    ("rhine_5.txt", "The Rhine was not known to Herodotus and first enters the historical period in the 1st century BC in Roman-era geography."))
add("negation_flip", U, "Did Britain and France try to stop Germany from re-occupying the Rhineland?",
    "Britain and France were inclined to prevent the re-occupation of the Rhineland, which was a feature of their policy toward Hitler.",
    ("rhine_6.txt", "Although the allies could probably have prevented the re-occupation, Britain and France were not inclined to do so, a feature of their policy of appeasement to Hitler."))
add("negation_flip", U, "Was Operation Market Garden a success?",
    "The Rhine bridge at Arnhem was a central focus of the battle for Arnhem during the successful Operation Market Garden of September 1944.",
    ("rhine_6.txt", "The Rhine bridge at Arnhem, immortalized in the book, A Bridge Too Far and the film, was a central focus of the battle for Arnhem, during the failed Operation Market Garden of September 1944."))
add("negation_flip", U, "Does the Rhine water mix with the lake water when it enters Lake Constance?",
    "Entering the lake, the cold Rhine water flows near the surface and mixes right away with the warmer, green waters of the Upper Lake.",
    ("rhine_1.txt", "The cold water flows near the surface and at first doesn't mix with the warmer, green waters of Upper Lake."))

# ---------------- number_swap
add("number_swap", U, "How long is the stretch of the Rhine after it turns north near Chur?",
    "After its turn to the north near Chur, the Rhine runs for nearly 96 km, descending from a height of 599 m to 396 m.",
    ("rhine_1.txt", "The river makes a distinctive turn to the north near Chur. This section is nearly 86 km long, and descends from a height of 599 m to 396 m."))
add("number_swap", U, "What is the Rhine's discharge as it approaches the Netherlands?",
    "Approaching the Dutch border, the Rhine has an annual mean discharge of 2,900 m3/s and an average width of 400 m.",
    ("rhine_2.txt", "As it approaches the Dutch border, the Rhine has an annual mean discharge of 2,290 m3/s (81,000 cu ft/s) and an average width of 400 m (1,300 ft)."))
add("number_swap", U, "How much of the Rhine's flow goes through the Waal?",
    "One third of the Rhine's water flow volume goes farther west through the Waal, eventually reaching the North Sea via the Hollands Diep and Haringvliet estuaries.",
    ("rhine_3.txt", "Two thirds of the water flow volume of the Rhine flows farther west, through the Waal and then, via the Merwede and Nieuwe Merwede (De Biesbosch), merging with the Meuse, through the Hollands Diep and Haringvliet estuaries, into the North Sea."))
add("number_swap", U, "How fast is sea level rising in the southern North Sea?",
    "Because of ongoing tectonic subsidence, sea level in the southern North Sea is still rising by about 1–3 cm per century, or 1 metre over the last 300 years.",
    ("rhine_4.txt", "In the southern North Sea, due to ongoing tectonic subsidence, the sea level is still rising, at the rate of about 1–3 cm (0.39–1.18 in) per century (1 metre or 39 inches in last 3000 years)."))
add("number_swap", U, "How many avulsions have occurred in the Rhine delta?",
    "Over the past 6,000 years, roughly 60 avulsions have occurred in the delta.",
    ("rhine_5.txt", "Over the past 6000 years, approximately 80 avulsions have occurred."))
add("number_swap", U, "What length did Knaurs Lexikon give for the Rhine in 1932?",
    "In 1932 the German encyclopedia Knaurs Lexikon stated the Rhine's length as 1,230 kilometres, presumably a typographical error.",
    ("rhine_6.txt", "In 1932 the German encyclopedia Knaurs Lexikon stated the length as 1,320 kilometres (820 miles), presumably a typographical error."))
add("number_swap", U, "How big is the Upper Rhine Plain?",
    "The Upper Rhine Plain, through which the Upper Rhine flows north, is about 40 km long and up to 300 km wide.",
    ("rhine_2.txt", "The river now flows North as Upper Rhine through the Upper Rhine Plain, which is about 300 km long and up to 40 km wide."))
add("number_swap", U, "What is the population of Cologne?",
    "Cologne, Germany, the biggest city on the Rhine, has a population of more than 1,500,000 people.",
    ("rhine_1.txt", "The biggest city on the river Rhine is Cologne, Germany with a population of more than 1,050,000 people."))

# ---------------- entity_swap
add("entity_swap", U, "Which towns are in the Rhine delta at Lake Constance?",
    "The delta includes the Austrian towns of Gaißau, Höchst and Diepoldsau.",
    ("rhine_1.txt", "It includes the Austrian towns of Gaißau, Höchst and Fußach."))
add("entity_swap", U, "Where does the Main join the Rhine?",
    "The Main, one of the most important tributaries in the Upper Rhine Plain, joins the Rhine across from Mannheim.",
    ("rhine_2.txt", "The river now flows North as Upper Rhine through the Upper Rhine Plain, which is about 300 km long and up to 40 km wide. The most important tributaries in this area are the Ill below of Strasbourg, the Neckar in Mannheim and the Main across from Mainz."))
add("entity_swap", U, "Where does the Noord join the Lek, and where does the resulting river flow?",
    "The Noord joins the Lek near the village of Kinderdijk to form the Nieuwe Maas, which then flows past Dordrecht and on to the North Sea.",
    ("rhine_3.txt", "The Beneden Merwede branches off, near Hardinxveld-Giessendam and continues as the Noord, to join the Lek, near the village of Kinderdijk, to form the Nieuwe Maas; then flows past Rotterdam and continues via Het Scheur and the Nieuwe Waterweg, to the North Sea."))
add("entity_swap", U, "Which microplate pushed up the Alps?",
    "Among the microplates caught in the squeeze, Iberia pushed up the Alps.",
    ("rhine_4.txt", "Several microplates were caught in the squeeze and rotated or were pushed laterally, generating the individual features of Mediterranean geography: Iberia pushed up the Pyrenees; Italy, the Alps, and Anatolia, moving west, the mountains of Greece and the islands."))
add("entity_swap", U, "Where were the legions I Germanica and XX Valeria stationed?",
    "For the army of Germania Inferior, the legions I Germanica and XX Valeria were stationed at Moguntiacum (Mainz).",
    ("rhine_5.txt", "Between about AD 14 and 180, the assignment of legions was as follows: for the army of Germania Inferior, two legions at Vetera (Xanten), I Germanica and XX Valeria (Pannonian troops); two legions at oppidum Ubiorum (\"town of the Ubii\"), which was renamed to Colonia Agrippina, descending to Cologne, V Alaudae, a Celtic legion recruited from Gallia Narbonensis and XXI, possibly a Galatian legion from the other side of the empire."))
add("entity_swap", U, "Which Rhine bridge did U.S. forces capture intact in World War II?",
    "U.S. forces famously captured the Rhine bridge at Arnhem intact after the Germans failed to demolish it.",
    ("rhine_6.txt", "In a separate operation, the Ludendorff Bridge, crossing the Rhine at Remagen, became famous, when U.S. forces were able to capture it intact – much to their own surprise – after the Germans failed to demolish it."))
add("entity_swap", U, "In the Nibelungenlied, who threw Kriemhild's golden treasure into the Rhine?",
    "In the Nibelungenlied, Kriemhild's golden treasure was thrown into the Rhine by Siegfried.",
    ("rhine_5.txt", "This \"Germanic Heroic Age\" is reflected in medieval legend, such as the Nibelungenlied which tells of the hero Siegfried killing a dragon on the Drachenfels (Siebengebirge) (\"dragons rock\"), near Bonn at the Rhine and of the Burgundians and their court at Worms, at the Rhine and Kriemhild's golden treasure, which was thrown into the Rhine by Hagen."))
add("entity_swap", U, "Where does the Rhine water resurface in Lake Constance?",
    "The flow reappears on the surface at the northern (German) shore of the lake, off the island of Mainau.",
    ("rhine_1.txt", "The flow reappears on the surface at the northern (German) shore of the lake, off the island of Lindau."))

# ---------------- date_swap
add("date_swap", U, "When was the Rhine-kilometre scale introduced?",
    "The Rhine-kilometre scale, introduced in 1932, runs from the Old Rhine Bridge at Constance (0 km) to Hoek van Holland (1036.20 km).",
    ("rhine_1.txt", "The length of the Rhine is conventionally measured in \"Rhine-kilometers\" (Rheinkilometer), a scale introduced in 1939 which runs from the Old Rhine Bridge at Constance (0 km) to Hoek van Holland (1036.20 km)."))
add("date_swap", U, "When did the Rhine Gorge become a UNESCO World Heritage Site?",
    "The Rhine Gorge, known as \"the Romantic Rhine\", became a UNESCO World Heritage Site in 2012.",
    ("rhine_2.txt", "The gorge is quite deep and is the stretch of the river which is known for its many castles and vineyards. It is a UNESCO World Heritage Site (2002) and known as \"the Romantic Rhine\", with more than 40 castles and fortresses from the Middle Ages and many quaint and lovely country villages."))
add("date_swap", U, "Until when did the Meuse and Waal merge at Gorinchem?",
    "From 1421 to 1940, the Meuse and Waal merged further upstream at Gorinchem to form the Merwede.",
    ("rhine_3.txt", "From 1421 to 1904, the Meuse and Waal merged further upstream at Gorinchem to form Merwede."))
add("date_swap", U, "When did rapid warming begin after the last glacial?",
    "Rapid warming and a shift in vegetation to open forest began around 22,000 BP.",
    ("rhine_4.txt", "Rapid warming and changes of vegetation, to open forest, began about 13,000 BP."))
add("date_swap", U, "When were the major Rhine distributaries embanked?",
    "The embankment of the major distributaries and the damming of minor ones took place in the 8th–10th century AD.",
    ("rhine_5.txt", "This was followed by embankment, of the major distributaries and damming of minor distributaries, which took place in the 11–13th century AD."))
add("date_swap", U, "When was the Rhine crisis?",
    "The Rhine crisis of 1848, prompted by French prime minister Adolphe Thiers's wish to reinstate the Rhine as a natural border, set off a diplomatic crisis and a wave of nationalism in Germany.",
    ("rhine_6.txt", "In 1840, the Rhine crisis, prompted by French prime minister Adolphe Thiers's desire to reinstate the Rhine as a natural border, led to a diplomatic crisis and a wave of nationalism in Germany."))
add("date_swap", U, "When did the German army re-occupy the Rhineland?",
    "After the allies left in 1930, the German army re-occupied the Rhineland in 1935, a move that was enormously popular in Germany.",
    ("rhine_6.txt", "The allies left the Rhineland, in 1930 and the German army re-occupied it in 1936, which was enormously popular in Germany."))
add("date_swap", U, "Since when has the IJsselmeer been a freshwater lake?",
    "The IJssel flows north into the IJsselmeer, formerly the Zuider Zee brackish lagoon, which has been a freshwater lake since 1923.",
    ("rhine_5.txt", "The river IJssel branch flows to the north and enters the IJsselmeer, formerly the Zuider Zee brackish lagoon; however, since 1932, a freshwater lake."))

# ---------------- extra_claim
add("extra_claim", U, "Who cited the Rhine's total length as 1,232 km?",
    "In 2010 the Dutch Rijkswaterstaat, using satellite measurements, cited the total length of the Rhine, including Lake Constance and the Alpine Rhine, as 1,232 kilometres.",
    ("rhine_1.txt", "The \"total length of the Rhine\", to the inclusion of Lake Constance and the Alpine Rhine is more difficult to measure objectively; it was cited as 1,232 kilometres (766 miles) by the Dutch Rijkswaterstaat in 2010."))
add("extra_claim", U, "Where does the Rhine flow around the Lorelei?",
    "Near Sankt Goarshausen, the Rhine flows around the famous rock Lorelei, the narrowest point of the river's entire course.",
    ("rhine_2.txt", "Near Sankt Goarshausen, the Rhine flows around the famous rock Lorelei."))
add("extra_claim", U, "Why was the Meuse separated from the Waal?",
    "For flood protection reasons, the Meuse was separated from the Waal through a lock and diverted into a new outlet, the Bergse Maas, which also serves as a major shipping route.",
    ("rhine_3.txt", "For flood protection reasons, the Meuse was separated from the Waal through a lock and diverted into a new outlet called \"Bergse Maas\", then Amer and then flows into the former bay Hollands Diep."))
add("extra_claim", U, "What effect did the Ice Age loess have on the Rhine Valley?",
    "Wind-blown loess from the tundra settled in and around the Rhine Valley, contributing to its current agricultural usefulness, especially for wine growing.",
    ("rhine_4.txt", "The loess or wind-blown dust over that tundra, settled in and around the Rhine Valley, contributing to its current agricultural usefulness."))
add("extra_claim", U, "How long did the northern Rhine frontier remain the Roman boundary?",
    "The northern section of the frontier, where the Rhine is deep and broad, remained the Roman boundary until the empire fell and was guarded by a permanent river fleet.",
    ("rhine_5.txt", "The northern section of this frontier, where the Rhine is deep and broad, remained the Roman boundary until the empire fell."))
add("extra_claim", U, "Why did the Ludendorff Bridge become famous?",
    "The Ludendorff Bridge at Remagen became famous when U.S. forces captured it intact in March 1945, after the Germans failed to demolish it.",
    ("rhine_6.txt", "In a separate operation, the Ludendorff Bridge, crossing the Rhine at Remagen, became famous, when U.S. forces were able to capture it intact – much to their own surprise – after the Germans failed to demolish it."))
add("extra_claim", U, "What did the 19th-century straightening of the Upper Rhine do to the ground water?",
    "The 19th-century straightening program increased the Rhine's rate of flow and made the ground water level fall significantly, which led to widespread crop failures.",
    ("rhine_2.txt", "The Upper Rhine region was changed significantly by a Rhine straightening program in the 19th Century. The rate of flow was increased and the ground water level fell significantly."))
add("extra_claim", U, "Is the Rhine delta at Lake Constance protected?",
    "Most of the delta is a nature reserve and bird sanctuary, which is closed to visitors during the breeding season.",
    ("rhine_1.txt", "Most of the delta is a nature reserve and bird sanctuary."))

# ---------------- overgeneralization
add("overgeneralization", U, "Where does the Rhine water go after crossing Lake Constance?",
    "All of the Rhine water flows via the Constance hopper into the Rheinrinne (\"Rhine Gutter\") and the Seerhein.",
    ("rhine_1.txt", "Most of the water flows via the Constance hopper into the Rheinrinne (\"Rhine Gutter\") and Seerhein."))
add("overgeneralization", U, "Can you see the Rhine water inside Lake Constance?",
    "The flow of Rhine water is always clearly visible along the entire length of Lake Constance.",
    ("rhine_1.txt", "Depending on the water level, this flow of the Rhine water is clearly visible along the entire length of the lake."))
add("overgeneralization", U, "Where are the factories along the Rhine concentrated?",
    "All of the Rhine's plants and factories are concentrated along the Lower Rhine, where the river passes Cologne, Düsseldorf and Duisburg.",
    ("rhine_2.txt", "Although many plants and factories can be found along the Rhine up into Switzerland, it is along the Lower Rhine that the bulk of them are concentrated, as the river passes the major cities of Cologne, Düsseldorf and Duisburg."))
add("overgeneralization", U, "What has happened to the rivers of the Rhine-Meuse delta?",
    "All of the delta's rivers have been closed (\"dammed\") and now serve as drainage channels for the numerous polders.",
    ("rhine_3.txt", "Many rivers have been closed (\"dammed\") and now serve as drainage channels for the numerous polders."))
add("overgeneralization", U, "Has the Dutch coastline moved over the last 7000 years?",
    "Over the last 7,000 years the coastline has stayed in exactly the same location, because Rhine sedimentation and coastal processes offset the sea's transgression.",
    ("rhine_4.txt", "Rates of sea-level rise had dropped so far, that natural sedimentation by the Rhine and coastal processes together, could compensate the transgression by the sea; in the last 7000 years, the coast line was roughly at the same location."))
add("overgeneralization", U, "How many Germanic people lived between Baden and Württemberg in Roman times?",
    "The Germanic populations of the wedge between Baden and Württemberg were scanty in Roman times, and Roman subjects from Alsace-Lorraine had drifted east across the river.",
    ("rhine_5.txt", "The frontier which they form is inconveniently long, enclosing an acute-angled wedge of foreign territory between the modern Baden and Württemberg. The Germanic populations of these lands seem in Roman times to have been scanty, and Roman subjects from the modern Alsace-Lorraine had drifted across the river eastwards."))
add("overgeneralization", U, "Could the allies have stopped Germany from re-occupying the Rhineland?",
    "The allies could have prevented the re-occupation of the Rhineland, but Britain and France were not inclined to do so.",
    ("rhine_6.txt", "Although the allies could probably have prevented the re-occupation, Britain and France were not inclined to do so, a feature of their policy of appeasement to Hitler."))
add("overgeneralization", U, "Does Luxembourg drain to the Rhine?",
    "All of Luxembourg, along with a very small part of Belgium, drains to the Rhine via the Moselle.",
    ("rhine_2.txt", "Most of Luxembourg and a very small part of Belgium also drain to the Rhine via the Moselle."))

# ---------------- attribution_swap
add("attribution_swap", U, "Which encyclopedia first gave the Rhine's length as 1,320 km?",
    "The 1,320-kilometre figure first appeared in 1932 in the Brockhaus Enzyklopädie, presumably as a typographical error.",
    ("rhine_6.txt", "In 1932 the German encyclopedia Knaurs Lexikon stated the length as 1,320 kilometres (820 miles), presumably a typographical error."))
add("attribution_swap", U, "Who described the Rhine as a river of Gaul that divides the Germans from Gaul?",
    "Vergil, in the Aeneid, called the Rhine \"a river of Gaul, which divides the Germanic people from Gaul.\"",
    ("rhine_5.txt", "e.g. Maurus Servius Honoratus, Commentary on the Aeneid of Vergil (8.727) (Rhenus) fluvius Galliae, qui Germanos a Gallia dividit \"(The Rhine is a) river of Gaul, which divides the Germanic people from Gaul.\""))
add("attribution_swap", U, "Did the Treaty of Versailles help Hitler come to power?",
    "The Treaty of Versailles and its Rhineland provision caused much resentment in Germany and helped Adolf Hitler rise to power.",
    ("rhine_6.txt", "The Treaty of Versailles and this particular provision, in general, caused much resentment in Germany and is often cited as helping Adolf Hitler's rise to power."))
add("attribution_swap", U, "Who killed a dragon on the Drachenfels near Bonn?",
    "The hero Siegfried killed a dragon on the Drachenfels, near Bonn on the Rhine.",
    ("rhine_5.txt", "This \"Germanic Heroic Age\" is reflected in medieval legend, such as the Nibelungenlied which tells of the hero Siegfried killing a dragon on the Drachenfels (Siebengebirge) (\"dragons rock\"), near Bonn at the Rhine and of the Burgundians and their court at Worms, at the Rhine and Kriemhild's golden treasure, which was thrown into the Rhine by Hagen."))
add("attribution_swap", U, "How do the Ripuarian and Palatine dialects pronounce the name of the Rhine?",
    "The Palatine dialect keeps the older vocalism in its form Rhing, while Ripuarian has diphthongized Rhei and Rhoi.",
    ("rhine_1.txt", "The diphthong in modern German Rhein (also adopted in Romansh Rein, Rain) is a Central German development of the early modern period, the Alemannic name Rī(n) retaining the older vocalism,[note 4] as does Ripuarian Rhing, while Palatine has diphthongized Rhei, Rhoi."))
add("attribution_swap", U, "What is considered the first Rhine river?",
    "According to the Dutch Rijkswaterstaat, the river system that had developed in the Upper Rhine Graben by the Miocene was the first Rhine river.",
    ("rhine_4.txt", "By the time of the Miocene, a river system had developed in the Upper Rhine Graben, that continued northward and is considered the first Rhine river."))
add("attribution_swap", U, "Why is the Middle Rhine Valley seen as the epitome of Rhine romanticism?",
    "UNESCO describes the Middle Rhine Valley, with its monuments, vine-covered slopes and castles, as the epitome of Rhine romanticism.",
    ("rhine_2.txt", "With its outstanding architectural monuments, the slopes full of vines, settlements crowded on the narrow river banks and scores of castles lined up along the top of the steep slopes, the Middle Rhine Valley can be considered the epitome of the Rhine romanticism."))
add("attribution_swap", U, "What is the most important natural region of the Netherlands?",
    "The Dutch government has officially designated the Rhine-Meuse Delta, which begins near Millingen aan de Rijn, as the most important natural region of the Netherlands.",
    ("rhine_3.txt", "The Rhine-Meuse Delta, the most important natural region of the Netherlands begins near Millingen aan de Rijn, close to the Dutch-German border with the division of the Rhine into Waal and Nederrijn."))

# ---------------- echo
add("echo", U, "Why was a regulation of the Rhine called for in its delta at Lake Constance?",
    "A regulation of the Rhine was called for because the Rhine in the delta needed to be regulated.",
    ("rhine_1.txt", "A regulation of the Rhine was called for, with an upper canal near Diepoldsau and a lower canal at Fußach, in order to counteract the constant flooding and strong sedimentation in the western Rhine Delta."))
add("echo", U, "Why is the Ruhr a clean river today?",
    "The Ruhr is a clean river nowadays because of the factors that have made it clean.",
    ("rhine_2.txt", "The Ruhr, which joins the Rhine in Duisburg, is nowadays a clean river, thanks to a combination of stricter environmental controls, a transition from heavy industry to light industry and cleanup measures, such as the reforestation of Slag and brownfields."))
add("echo", U, "Why is the shorter term Rhine Delta commonly used?",
    "The shorter term Rhine Delta is commonly used because it is the term people usually use for the delta.",
    ("rhine_3.txt", "Since the Rhine contributes most of the water, the shorter term Rhine Delta is commonly used."))
add("echo", U, "What caused the Rhine's course to be diverted through the English Channel?",
    "The Rhine's course was diverted through the English Channel by whatever caused it to take that route.",
    ("rhine_4.txt", "During the so-called Anglian glaciation (~450,000 yr BP, marine oxygen isotope stage 12), the northern part of the present North Sea was blocked by the ice and a large lake developed, that overflowed through the English Channel. This caused the Rhine's course to be diverted through the English Channel."))
add("echo", U, "What ended peat formation in the Rhine delta?",
    "Peat formation in the delta ended because of the developments that brought it to an end.",
    ("rhine_5.txt", "As a result of increasing land clearance (Bronze Age agriculture), in the upland areas (central Germany), the sediment load of the Rhine has strongly increased and delta growth has sped up. This caused increased flooding and sedimentation, ending peat formation in the delta."))
add("echo", U, "Why did the Treaty of Versailles' Rhineland provision cause resentment in Germany?",
    "The provision caused resentment in Germany because Germans resented it.",
    ("rhine_6.txt", "The Treaty of Versailles and this particular provision, in general, caused much resentment in Germany and is often cited as helping Adolf Hitler's rise to power."))
add("echo", U, "What did the Rhine form in Roman geography?",
    "In Roman geography, the Rhine formed exactly what Roman geography defined it as forming.",
    ("rhine_5.txt", "In Roman geography, the Rhine formed the boundary between Gallia and Germania by definition; e.g. Maurus Servius Honoratus, Commentary on the Aeneid of Vergil (8.727) (Rhenus) fluvius Galliae, qui Germanos a Gallia dividit \"(The Rhine is a) river of Gaul, which divides the Germanic people from Gaul.\""))
add("echo", U, "Why is the Middle Rhine Valley considered the epitome of Rhine romanticism?",
    "The Middle Rhine Valley is considered the epitome of Rhine romanticism because it embodies Rhine romanticism more than anywhere else.",
    ("rhine_2.txt", "With its outstanding architectural monuments, the slopes full of vines, settlements crowded on the narrow river banks and scores of castles lined up along the top of the steep slopes, the Middle Rhine Valley can be considered the epitome of the Rhine romanticism."))

# ---------------- fragment
add("fragment", U, "What is the Rhine Valley?",
    "A wide glacial alpine valley known as the Rhine Valley.",
    ("rhine_1.txt", "It flows through a wide glacial alpine valley known as the Rhine Valley (German: Rheintal)."))
add("fragment", U, "What is the Rhine knee?",
    "A major bend in the centre of Basel, where the overall direction of the Rhine changes from West to North.",
    ("rhine_2.txt", "In the centre of Basel, the first major city in the course of the stream, is located the \"Rhine knee\"; this is a major bend, where the overall direction of the Rhine changes from West to North."))
add("fragment", U, "What did the Rhine create during periods of lower sea level in the ice ages?",
    "The Channel River, the course of which now lies below the English Channel.",
    ("rhine_3.txt", "During periods of lower sea levels within the various ice ages, the Rhine took a left turn, creating the Channel River, the course of which now lies below the English Channel."))
add("fragment", U, "When did the Tethys Ocean open?",
    "Between about 240 MBP and 220 MBP, in the Triassic Period, with the opening of the Tethys Ocean between the Eurasian and African plates.",
    ("rhine_4.txt", "In southern Europe, the stage was set in the Triassic Period of the Mesozoic Era, with the opening of the Tethys Ocean, between the Eurasian and African tectonic plates, between about 240 MBP and 220 MBP (million years before present)."))
add("fragment", U, "What did Rome accept as its Germanic frontier after Augustus died?",
    "The water-boundary of the Rhine and upper Danube, from the death of Augustus in AD 14 until after AD 70.",
    ("rhine_5.txt", "From the death of Augustus in AD 14 until after AD 70, Rome accepted as her Germanic frontier the water-boundary of the Rhine and upper Danube."))
add("fragment", U, "Why was the Rhine important in World War II?",
    "Which would present a formidable natural obstacle to the Western Allies' invasion of Germany.",
    ("rhine_6.txt", "In World War II, it was recognised that the Rhine would present a formidable natural obstacle to the invasion of Germany, by the Western Allies."))
add("fragment", U, "Where does the Nederrijn become the Lek?",
    "At Wijk bij Duurstede, where the Nederrijn changes its name and becomes the Lek.",
    ("rhine_3.txt", "However, at Wijk bij Duurstede, the Nederrijn changes its name and becomes the Lek."))
add("fragment", U, "Where did the Rhine flow in the 10th century?",
    "Fully within the Holy Roman Empire in the 10th century, flowing through Swabia, Franconia and Lower Lorraine.",
    ("rhine_5.txt", "In the 9th, it formed part of the border between Middle and Western Francia, but in the 10th century, it was fully within the Holy Roman Empire, flowing through Swabia, Franconia and Lower Lorraine."))

# ---------------- role_change
add("role_change", U, "Which river joins the Rhine after the Rhine Falls?",
    "After passing the Rhine Falls, the Rhine is joined by the river Aare, its major distributary.",
    ("rhine_2.txt", "The Rhine emerges from Lake Constance, flows generally westward, as the Hochrhein, passes the Rhine Falls, and is joined by its major tributary, the river Aare."))
add("role_change", U, "Where does the Rhine begin and end?",
    "The Rhine begins in the country of Graubünden in the southeastern Swiss Alps and eventually empties into the North Sea in the Netherlands.",
    ("rhine_1.txt", "The Rhine (Romansh: Rein, German: Rhein, French: le Rhin, Dutch: Rijn) is a European river that begins in the Swiss canton of Graubünden in the southeastern Swiss Alps, forms part of the Swiss-Austrian, Swiss-Liechtenstein border, Swiss-German and then the Franco-German border, then flows through the Rhineland and eventually empties into the North Sea in the Netherlands."))
add("role_change", U, "What happens near Millingen aan de Rijn?",
    "The Rhine-Meuse Delta ends near Millingen aan de Rijn, close to the Dutch-German border, where the Rhine divides into Waal and Nederrijn.",
    ("rhine_3.txt", "The Rhine-Meuse Delta, the most important natural region of the Netherlands begins near Millingen aan de Rijn, close to the Dutch-German border with the division of the Rhine into Waal and Nederrijn."))
add("role_change", U, "Was the Rhine covered by glaciers during the last Ice Age?",
    "Most of the Rhine's current course was not under the ice during the last Ice Age, although its mouth must still have been a glacier.",
    ("rhine_4.txt", "Most of the Rhine's current course was not under the ice during the last Ice Age; although, its source must still have been a glacier."))
add("role_change", U, "What was Moguntiacum?",
    "Moguntiacum (Mainz) was the Roman provincial capital opposite the fertile plain of Frankfurt, which Rome held beyond the Rhine.",
    ("rhine_5.txt", "Beyond these rivers she held only the fertile plain of Frankfurt, opposite the Roman border fortress of Moguntiacum (Mainz), the southernmost slopes of the Black Forest and a few scattered bridge-heads."))
add("role_change", U, "Which river do the Nijmegen bridges cross?",
    "The bridges at Nijmegen, over the Waal, a tributary of the Rhine, were also an objective of Operation Market Garden.",
    ("rhine_6.txt", "The bridges at Nijmegen, over the Waal distributary of the Rhine, were also an objective of Operation Market Garden."))
add("role_change", U, "What is the Seerhein?",
    "The Seerhein, or \"Lake Rhine\", is one of three lakes that make up Lake Constance, alongside the Obersee and the Untersee.",
    ("rhine_1.txt", "Lake Constance consists of three bodies of water: the Obersee (\"upper lake\"), the Untersee (\"lower lake\"), and a connecting stretch of the Rhine, called the Seerhein (\"Lake Rhine\")."))
add("role_change", U, "What is Duisburg's role in the Rhine-Ruhr region?",
    "Duisburg, the capital of the Rhine-Ruhr region, has the largest river port in Europe (Duisport).",
    ("rhine_2.txt", "One of the most important cities in this region is Duisburg with the largest river port in Europe (Duisport)."))

# ---------------- validate & write
from collections import Counter
bad = []
texts = {f"rhine_{i}.txt": open(A + f"rhine_{i}.txt", encoding="utf-8").read() for i in range(1, 7)}
for it in items:
    for q in it["quotes"]:
        if q["quote"] not in texts[q["file"]]:
            bad.append((it["type"], q["file"], q["quote"][:80]))
print("bad quotes:", bad)
c = Counter(it["type"] for it in items)
print(c, len(items))
assert all(v == 8 for v in c.values()) and len(c) == 15 and len(items) == 120
random.seed(24)
random.shuffle(items)
with open("/tmp/w24/fresh-wiki-1.jsonl", "w", encoding="utf-8") as f:
    for i, it in enumerate(items, 1):
        rec = {"id": f"w{i:03d}", "question": it["question"], "claim": it["claim"], "quotes": it["quotes"], "label": it["label"], "type": it["type"]}
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
