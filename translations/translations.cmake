# Translations of PushDeck, included from app/CMakeLists.txt once both
# executables exist. One catalogue per language covers the whole program
# (app/, views/, models/), because the models' messages reach the user through
# the GUI and pushdeckctl alike. The compiled .qm files are embedded in both
# executables under :/i18n and loaded at start-up (translationloader.cpp).
#
#   cmake --build BUILD --target update_translations   # lupdate: refresh the .ts files
#
# A new language: add translations/pushdeck_<lang>.ts below and run the
# target above once.
find_package(Qt6 6.4 QUIET COMPONENTS LinguistTools)
if(TARGET Qt6::lupdate AND TARGET Qt6::lrelease)
    set(PUSHDECK_TS_FILES ${PROJECT_SOURCE_DIR}/translations/pushdeck_de.ts)
    # Every source of the libraries and executables, from their targets.
    set(PUSHDECK_TRANSLATED_SOURCES "")
    foreach(target pushdeck_core pushdeck_format pushdeck_gateway pushdeck_staleness pushdeck_operations pushdeck_session
                   pushdeck_items pushdeck_demo pushdeck_views pushdeck pushdeckctl)
        get_target_property(sources ${target} SOURCES)
        get_target_property(dir ${target} SOURCE_DIR)
        foreach(source IN LISTS sources)
            if(source MATCHES "\\.(cpp|h)$")
                cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${dir})
                list(APPEND PUSHDECK_TRANSLATED_SOURCES ${source})
            endif()
        endforeach()
    endforeach()
    # The pushdeck target alone holds only main.cpp: lupdate gets every
    # source and our include folders (not Qt's, which it need not parse).
    qt_add_translations(pushdeck
        TS_FILES ${PUSHDECK_TS_FILES}
        SOURCES ${PUSHDECK_TRANSLATED_SOURCES}
        INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}/models ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/app
        LUPDATE_OPTIONS -no-obsolete -locations none
        QM_FILES_OUTPUT_VARIABLE PUSHDECK_QM_FILES)
    # Same catalogue, embedded in both executables.
    foreach(target pushdeck pushdeckctl)
        qt_add_resources(${target} "${target}_translations"
            PREFIX "/i18n"
            BASE ${CMAKE_CURRENT_BINARY_DIR}
            FILES ${PUSHDECK_QM_FILES})
        target_sources(${target} PRIVATE ${PROJECT_SOURCE_DIR}/translations/translationloader.cpp)
    endforeach()
    add_dependencies(pushdeckctl pushdeck_lrelease)

    # End to end: the catalogue is embedded and loaded at start-up, and a
    # message from the models reaches the user in German.
    add_test(NAME translations_de COMMAND pushdeckctl --gateway ftp://example.invalid status)
    set_tests_properties(translations_de PROPERTIES
        ENVIRONMENT "LC_ALL=C.UTF-8;LANGUAGE=de"
        PASS_REGULAR_EXPRESSION "Gateway-URL .* muss http oder https verwenden")
else()
    message(STATUS "Qt6 LinguistTools not found (Debian: qt6-l10n-tools, qt6-tools-dev): no translations")
endif()
