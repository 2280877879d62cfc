"""CareerFit's words for O*NET's 33 knowledge areas and 35 skills, by O*NET element ID.

The names are O*NET's element names (facts: the labels of its content model); the one-sentence
descriptions are CareerFit's own, written for profession pages. O*NET's element descriptions
are not used. The importer links an occupation to the elements it rates as most important
(professions/onet/readers.py); `same_as` names a skill from the editorial seed profiles that is
the same thing, so both sources share one Skill.
"""

from typing import NamedTuple


class Element(NamedTuple):
    name: str
    description: str
    same_as: str = ""  # slug of a seed skill that is the same thing, if any


# O*NET's content model files knowledge under 2.C; skills are 2.A (basic) and 2.B.
KNOWLEDGE_BRANCH = "2.C."


def is_knowledge(element_id: str) -> bool:
    """Whether an element is a knowledge area (else a skill), by its place in O*NET's model."""
    return element_id.startswith(KNOWLEDGE_BRANCH)


ELEMENTS: dict[str, Element] = {
    "2.C.1.a": Element(
        "Administration and Management",
        (
            "Running a business or team well, from setting goals and planning work to leading "
            "people and sharing out resources."
        ),
    ),
    "2.C.1.b": Element(
        "Administrative",
        (
            "Keeping an office running smoothly through orderly paperwork, filing systems, "
            "schedules and everyday office software."
        ),
    ),
    "2.C.1.c": Element(
        "Economics and Accounting",
        (
            "Tracking money through budgets and accounts, and seeing how markets, prices and trade "
            "shape financial decisions."
        ),
    ),
    "2.C.1.d": Element(
        "Sales and Marketing",
        (
            "Finding customers and persuading them to buy, through pricing, promotion, advertising "
            "and knowing what people want."
        ),
        same_as="marketing-principles",
    ),
    "2.C.1.e": Element(
        "Customer and Personal Service",
        (
            "Looking after customers and clients, answering their questions, sorting out "
            "complaints and leaving them glad they came."
        ),
    ),
    "2.C.1.f": Element(
        "Personnel and Human Resources",
        (
            "Hiring, training, paying and supporting staff, along with the rules and records that "
            "go with employment."
        ),
    ),
    "2.C.10": Element(
        "Transportation",
        (
            "Planning how passengers and freight get from place to place, choosing between trucks, "
            "trains, ships and planes."
        ),
    ),
    "2.C.2.a": Element(
        "Production and Processing",
        (
            "Turning raw inputs into finished goods on a factory floor or processing line, at the "
            "right cost and quality."
        ),
    ),
    "2.C.2.b": Element(
        "Food Production",
        (
            "Farming, fishing and food growing methods, from sowing seed and raising livestock to "
            "keeping the harvest fresh."
        ),
    ),
    "2.C.3.a": Element(
        "Computers and Electronics",
        (
            "Knowing how computers and electronic devices work inside, and how to use and set up "
            "their software."
        ),
    ),
    "2.C.3.b": Element(
        "Engineering and Technology",
        (
            "Using engineering know-how to turn scientific ideas into working machines, "
            "structures, products and services."
        ),
    ),
    "2.C.3.c": Element(
        "Design",
        (
            "Drawing up exact plans and scale models, by hand or with software, that others can "
            "build from."
        ),
    ),
    "2.C.3.d": Element(
        "Building and Construction",
        (
            "Putting up, renovating and repairing homes, bridges and roads, and knowing which "
            "materials and tools each job calls for."
        ),
    ),
    "2.C.3.e": Element(
        "Mechanical",
        (
            "Seeing how machines and tools are built, how their moving parts work, and how to keep "
            "them running."
        ),
    ),
    "2.C.4.a": Element(
        "Mathematics",
        (
            "Working with numbers, shapes, equations and data to measure things, solve problems "
            "and spot patterns."
        ),
    ),
    "2.C.4.b": Element(
        "Physics",
        (
            "Explaining how matter, motion, energy, heat, light, sound and electricity behave, and "
            "using this to predict physical events."
        ),
    ),
    "2.C.4.c": Element(
        "Chemistry",
        (
            "What everyday and industrial substances are made of, how they react when mixed, and "
            "how to use chemicals safely."
        ),
    ),
    "2.C.4.d": Element(
        "Biology",
        (
            "Studying plants, animals and other living things, from single cells to whole "
            "ecosystems and how they survive together."
        ),
    ),
    "2.C.4.e": Element(
        "Psychology",
        (
            "Insight into how people think, feel and behave, what motivates them, and how mental "
            "health problems are assessed."
        ),
    ),
    "2.C.4.f": Element(
        "Sociology and Anthropology",
        (
            "Making sense of how groups, cultures and societies form and change, and where shared "
            "customs and beliefs come from."
        ),
    ),
    "2.C.4.g": Element(
        "Geography",
        (
            "Reading maps and knowing where places are, what their landscapes and climates are "
            "like, and who lives there."
        ),
    ),
    "2.C.5.a": Element(
        "Medicine and Dentistry",
        (
            "Recognizing and treating illness, injury and problems of the teeth and mouth, and "
            "knowing how medicines work."
        ),
    ),
    "2.C.5.b": Element(
        "Therapy and Counseling",
        (
            "Helping people cope with personal difficulties, regain lost abilities after illness "
            "or injury, or choose a career path."
        ),
    ),
    "2.C.6": Element(
        "Education and Training",
        (
            "Planning lessons and courses that hold learners' interest, and checking afterward "
            "that the teaching actually worked."
        ),
    ),
    "2.C.7.a": Element(
        "English Language",
        (
            "Using English well, with correct grammar, spelling and punctuation, and choosing "
            "words that say exactly what you mean."
        ),
    ),
    "2.C.7.b": Element(
        "Foreign Language",
        (
            "Speaking, reading and writing a language other than English well enough to use it at "
            "work."
        ),
    ),
    "2.C.7.c": Element(
        "Fine Arts",
        (
            "Creating, performing or appreciating art of all kinds, from music and theater to "
            "painting, dance and sculpture."
        ),
    ),
    "2.C.7.d": Element(
        "History and Archeology",
        (
            "Learning what happened in the past and why, from written records and from objects "
            "people left behind."
        ),
    ),
    "2.C.7.e": Element(
        "Philosophy and Theology",
        (
            "Exploring the big questions of meaning, right and wrong, and the ideas, beliefs and "
            "practices of different religions."
        ),
    ),
    "2.C.8.a": Element(
        "Public Safety and Security",
        (
            "Keeping communities safe from crime, disasters and other threats through policing, "
            "emergency planning and security measures."
        ),
    ),
    "2.C.8.b": Element(
        "Law and Government",
        (
            "Understanding how laws are made and enforced, how courts work, and how government "
            "agencies set and apply rules."
        ),
    ),
    "2.C.9.a": Element(
        "Telecommunications",
        (
            "Sending voice, data and video over phone lines, cables, radio and networks, and "
            "running the systems that carry them."
        ),
    ),
    "2.C.9.b": Element(
        "Communications and Media",
        (
            "Producing and sharing news, stories and messages through print, broadcasting, "
            "websites and social media to reach an audience."
        ),
    ),
    "2.A.1.a": Element(
        "Reading Comprehension",
        (
            "Reading work documents such as reports, manuals and emails and grasping exactly what "
            "they say."
        ),
    ),
    "2.A.1.b": Element(
        "Active Listening",
        (
            "Focusing closely on what someone is telling you, checking you have understood and "
            "letting them finish before replying."
        ),
    ),
    "2.A.1.c": Element(
        "Writing",
        (
            "Putting ideas down in clear written words, such as emails, reports or instructions, "
            "that readers can easily follow."
        ),
    ),
    "2.A.1.d": Element(
        "Speaking",
        (
            "Explaining things out loud clearly so that listeners understand, whether talking to "
            "one person or a whole room."
        ),
    ),
    "2.A.1.e": Element(
        "Using mathematics",
        (
            "Doing calculations with numbers, measurements and formulas to work out answers to "
            "practical problems."
        ),
    ),
    "2.A.1.f": Element(
        "Science",
        (
            "Finding answers through careful observation, experiments and measurement, the way "
            "scientists test their ideas."
        ),
    ),
    "2.A.2.a": Element(
        "Critical Thinking",
        (
            "Thinking problems through logically, testing each idea or conclusion for flaws before "
            "accepting it."
        ),
    ),
    "2.A.2.b": Element(
        "Active Learning",
        "Picking up new information fast and putting it to use in your work and your decisions.",
    ),
    "2.A.2.c": Element(
        "Learning Strategies",
        (
            "Knowing which study or teaching methods suit a situation, such as practice, worked "
            "examples or small steps."
        ),
    ),
    "2.A.2.d": Element(
        "Monitoring",
        (
            "Regularly checking how work is going, your own and other people's, and stepping in "
            "when results slip."
        ),
    ),
    "2.B.1.a": Element(
        "Social Perceptiveness",
        "Reading the mood of a room and sensing why someone is upset, pleased or holding back.",
    ),
    "2.B.1.b": Element(
        "Coordination",
        (
            "Fitting your work together with what others are doing so tasks happen in the right "
            "order and on time."
        ),
    ),
    "2.B.1.c": Element(
        "Persuasion",
        (
            "Winning people over to a new idea or course of action with sound arguments and a "
            "respectful manner."
        ),
    ),
    "2.B.1.d": Element(
        "Negotiation",
        (
            "Reaching agreements between people who want different things by finding a deal or "
            "compromise both sides accept."
        ),
    ),
    "2.B.1.e": Element(
        "Instructing",
        "Guiding someone through a task step by step until they can manage it on their own.",
    ),
    "2.B.1.f": Element(
        "Service Orientation",
        (
            "Putting the needs of customers, patients or colleagues first and offering help before "
            "being asked."
        ),
    ),
    "2.B.2.i": Element(
        "Complex Problem Solving",
        (
            "Untangling messy, many-sided problems by breaking them into parts and trying out "
            "solutions until one works."
        ),
    ),
    "2.B.3.a": Element(
        "Operations Analysis",
        (
            "Pinning down what users need from a product or service so a design can be drawn up to "
            "match."
        ),
    ),
    "2.B.3.b": Element(
        "Technology Design",
        (
            "Coming up with new tools, devices or technical setups, or reworking existing ones, to "
            "suit the people using them."
        ),
    ),
    "2.B.3.c": Element(
        "Equipment Selection",
        (
            "Comparing machines, instruments and tools to pick the ones that will get a particular "
            "job done best."
        ),
    ),
    "2.B.3.d": Element(
        "Installation",
        (
            "Fitting and connecting new hardware, cables or software so that everything matches "
            "the technical plans."
        ),
    ),
    "2.B.3.e": Element(
        "Programming",
        (
            "Creating, testing and fixing code that tells computers what to do, from small scripts "
            "to large applications."
        ),
    ),
    "2.B.3.g": Element(
        "Operations Monitoring",
        (
            "Keeping watch on readings, alarms and displays to catch early signs that a machine or "
            "process is going wrong."
        ),
    ),
    "2.B.3.h": Element(
        "Operation and Control",
        (
            "Handling the controls of machines or systems and adjusting settings so they do "
            "exactly what is needed."
        ),
    ),
    "2.B.3.j": Element(
        "Equipment Maintenance",
        (
            "Servicing machines with regular cleaning, oiling, adjusting and part changes so they "
            "last longer and break down less."
        ),
    ),
    "2.B.3.k": Element(
        "Troubleshooting",
        (
            "Tracking down the cause of a fault or breakdown by testing likely explanations one at "
            "a time."
        ),
    ),
    "2.B.3.l": Element(
        "Repairing",
        (
            "Getting broken equipment working again by finding damaged or worn parts and replacing "
            "or mending them."
        ),
    ),
    "2.B.3.m": Element(
        "Quality Control Analysis",
        (
            "Checking finished work against standards, using samples, measurements and inspections "
            "to catch defects before they reach customers."
        ),
    ),
    "2.B.4.e": Element(
        "Judgment and Decision Making",
        (
            "Making sound choices, often under pressure, by thinking through what each option "
            "would gain and what it would risk."
        ),
    ),
    "2.B.4.g": Element(
        "Systems Analysis",
        (
            "Mapping how the parts of a system fit together and predicting what will happen when "
            "something in it changes."
        ),
    ),
    "2.B.4.h": Element(
        "Systems Evaluation",
        (
            "Judging whether a whole system is delivering what it was set up to do and what "
            "changes would help."
        ),
    ),
    "2.B.5.a": Element(
        "Time Management",
        (
            "Planning your day and other people's so the most important work gets done before "
            "deadlines."
        ),
    ),
    "2.B.5.b": Element(
        "Management of Financial Resources",
        (
            "Setting a budget for a piece of work, keeping spending within it and showing where "
            "the money went."
        ),
        same_as="manage-budgets",
    ),
    "2.B.5.c": Element(
        "Management of Material Resources",
        (
            "Ordering, storing and sharing out equipment, supplies and workspace so a job has what "
            "it needs without waste."
        ),
    ),
    "2.B.5.d": Element(
        "Management of Personnel Resources",
        (
            "Building and leading a team, from hiring and assigning work to coaching people and "
            "keeping them motivated."
        ),
        same_as="manage-staff",
    ),
}
