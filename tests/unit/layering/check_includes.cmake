# The layering of models/, read from the #include lines of every .h/.cpp
# under models/, views/ and app/ (ctest: layering_includes). Fails, naming
# file:line, when
#   - a models layer includes a layer that is not below it (higher, or a
#     sibling such as items <-> demo),
#   - anything under models/ includes views/ or app/ headers, or a QtGui,
#     QtWidgets (or other GUI module) header,
#   - anything includes with "../",
#   - the folder graph derived from the includes has a cycle,
#   - (with LAYER_LINKS) a layer library links a layer that is not below it,
#     or a GUI library.
# On success it prints that folder graph, one line per folder.
#
#   cmake -DSOURCE_DIR=<project root> [-DQT_INCLUDE_ROOT=<dir holding QtCore/, QtGui/...>]
#         [-DLAYER_LINKS=<layer>:<lib>|<lib>,...] -P check_includes.cmake
#
# QT_INCLUDE_ROOT lets the check know every QtGui/QtWidgets class header by
# name; without it, a built-in list of the common ones is used.
cmake_minimum_required(VERSION 3.22)

# The layers of models/ and the layer directly below each ("layer:below"),
# bottom up. This list is the rule: a layer may include its own headers and
# those of every layer below it, nothing else of models/. Items and demo are
# siblings: neither may include the other. A layer listed here without a
# folder yet is skipped, and the layers above it see through it.
set(LAYERS
    core
    format:core
    gateway:format
    staleness:gateway
    operations:staleness
    session:operations
    items:session
    demo:session)
# Folders beside models/ that take part in the graph (includes "views/...";
# app/ includes its own headers without a folder).
set(OTHER_FOLDERS views app)
# Libraries no layer may link.
set(GUI_LIBRARIES Qt6::Gui Qt6::Widgets Qt6::Charts Qt6::Svg Qt6::SvgWidgets Qt6::OpenGL
    Qt6::OpenGLWidgets Qt6::PrintSupport Qt6::Quick Qt6::Qml pushdeck_views pushdeck_resources)
# GUI modules no models header may include, by module (<QtGui/QColor>, <QtWidgets>).
set(GUI_MODULES QtGui QtWidgets QtCharts QtSvg QtSvgWidgets QtOpenGL QtOpenGLWidgets
    QtPrintSupport QtQuick QtQml QtQuickWidgets QtDataVisualization QtMultimedia QtWebEngineWidgets)

if(NOT SOURCE_DIR)
    message(FATAL_ERROR "check_includes.cmake: pass -DSOURCE_DIR=<project root>")
endif()
get_filename_component(SOURCE_DIR "${SOURCE_DIR}" ABSOLUTE)

# --- the allowed sets: each layer and everything below it ----------------
set(layer_names)
foreach(entry IN LISTS LAYERS)
    string(REPLACE ":" ";" parts "${entry}")
    list(GET parts 0 name)
    list(LENGTH parts n)
    set(below_${name})
    if(n GREATER 1)
        list(GET parts 1 below)
        if(NOT below IN_LIST layer_names)
            message(FATAL_ERROR "check_includes.cmake: layer ${name} is listed before the layer below it (${below})")
        endif()
        set(below_${name} ${below})
    endif()
    list(APPEND layer_names ${name})
    set(allowed_${name} ${name})
    if(below_${name})
        list(APPEND allowed_${name} ${allowed_${below_${name}}})
    endif()
endforeach()

# --- the folders present -------------------------------------------------
file(GLOB model_children LIST_DIRECTORIES true RELATIVE "${SOURCE_DIR}/models" "${SOURCE_DIR}/models/*")
set(present_layers)
set(errors)
foreach(child IN LISTS model_children)
    if(IS_DIRECTORY "${SOURCE_DIR}/models/${child}")
        if(NOT child IN_LIST layer_names)
            list(APPEND errors "models/${child}/: a folder that is no layer (add it to LAYERS in tests/unit/layering/check_includes.cmake)")
        endif()
    endif()
endforeach()
foreach(name IN LISTS layer_names)
    if(IS_DIRECTORY "${SOURCE_DIR}/models/${name}")
        list(APPEND present_layers ${name})
    endif()
endforeach()
set(nodes ${present_layers} ${OTHER_FOLDERS})

# Headers of app/: included by name only ("ctlcommands.h").
file(GLOB app_headers RELATIVE "${SOURCE_DIR}/app" "${SOURCE_DIR}/app/*.h")

# --- GUI class headers ---------------------------------------------------
# Every header of the GUI modules (QColor, qcolor.h, ...), unless QtCore,
# QtNetwork or QtConcurrent has one of that name too.
set(gui_headers)
if(QT_INCLUDE_ROOT AND IS_DIRECTORY "${QT_INCLUDE_ROOT}/QtCore")
    set(core_headers)
    foreach(module QtCore QtNetwork QtConcurrent)
        file(GLOB names RELATIVE "${QT_INCLUDE_ROOT}/${module}" "${QT_INCLUDE_ROOT}/${module}/*")
        list(APPEND core_headers ${names})
    endforeach()
    foreach(module IN LISTS GUI_MODULES)
        if(IS_DIRECTORY "${QT_INCLUDE_ROOT}/${module}")
            file(GLOB names RELATIVE "${QT_INCLUDE_ROOT}/${module}" "${QT_INCLUDE_ROOT}/${module}/*")
            list(APPEND gui_headers ${names})
        endif()
    endforeach()
    list(REMOVE_ITEM gui_headers ${core_headers})
    list(REMOVE_DUPLICATES gui_headers)
endif()
list(LENGTH gui_headers gui_header_count)
# Without the Qt headers at hand (or in addition to them): the usual ones.
set(gui_class_regex "^q(widget|application|guiapplication|color|icon|pixmap|image|bitmap|picture|painter|painterpath|paintdevice|paintevent|font|fontmetrics|fontmetricsf|fontdatabase|palette|brush|pen|gradient|lineargradient|cursor|keysequence|keyevent|mouseevent|action|actiongroup|shortcut|window|screen|clipboard|drag|movie|validator|intvalidator|doublevalidator|regularexpressionvalidator|standarditemmodel|standarditem|filesystemmodel|textdocument|textcursor|syntaxhighlighter|transform|polygon|polygonf|region|vector2d|vector3d|matrix4x4|desktopservices|sessionmanager|openglcontext|surface|dialog|mainwindow|messagebox|filedialog|pushbutton|toolbutton|label|lineedit|textedit|plaintextedit|combobox|checkbox|spinbox|doublespinbox|tableview|treeview|listview|tablewidget|treewidget|listwidget|headerview|styleditemdelegate|itemdelegate|abstractitemdelegate|abstractitemview|menu|menubar|toolbar|statusbar|dockwidget|tabwidget|splitter|layout|boxlayout|hboxlayout|vboxlayout|gridlayout|formlayout|style|styleoption|frame|scrollarea|groupbox|progressbar|slider|wizard|wizardpage|systemtrayicon|completer|chart|chartview|svgrenderer)(\\.h)?$")

# --- reading the includes ------------------------------------------------
file(GLOB_RECURSE files RELATIVE "${SOURCE_DIR}"
    "${SOURCE_DIR}/models/*.h" "${SOURCE_DIR}/models/*.cpp"
    "${SOURCE_DIR}/views/*.h" "${SOURCE_DIR}/views/*.cpp"
    "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/app/*.cpp")
list(SORT files)
list(LENGTH files file_count)
foreach(node IN LISTS nodes)
    set(edges_${node})
endforeach()

set(include_regex "(^|\n)[ \t]*#[ \t]*include[ \t]*([<\"])([^>\"\n]*)[>\"]")
foreach(file IN LISTS files)
    # The folder the file belongs to: a layer, views or app.
    string(REPLACE "/" ";" path_parts "${file}")
    list(GET path_parts 0 top)
    if(top STREQUAL "models")
        list(LENGTH path_parts depth)
        if(depth LESS 3)
            set(folder "")          # models/*.h: not in any layer
        else()
            list(GET path_parts 1 folder)
        endif()
    else()
        set(folder ${top})
    endif()
    get_filename_component(file_dir "${SOURCE_DIR}/${file}" DIRECTORY)

    file(READ "${SOURCE_DIR}/${file}" rest)
    set(line 1)
    while(TRUE)
        string(REGEX MATCH "${include_regex}" match "${rest}")
        if(NOT match)
            break()
        endif()
        set(delimiter "${CMAKE_MATCH_2}")
        set(target "${CMAKE_MATCH_3}")
        # The line of the match: newlines before it, plus its own leading one.
        string(FIND "${rest}" "${match}" offset)
        string(SUBSTRING "${rest}" 0 ${offset} before)
        string(REGEX MATCHALL "\n" newlines "${before}${CMAKE_MATCH_1}")
        list(LENGTH newlines n)
        math(EXPR line "${line} + ${n}")
        string(LENGTH "${match}" match_length)
        math(EXPR next "${offset} + ${match_length}")
        string(SUBSTRING "${rest}" ${next} -1 rest)
        if(delimiter STREQUAL "<")
            set(where "${file}:${line}: #include <${target}>")
        else()
            set(where "${file}:${line}: #include \"${target}\"")
        endif()

        if(target MATCHES "(^|/)\\.\\.(/|$)")
            list(APPEND errors "${where}: includes with ../ (write it from the models root, or the views/ root)")
        endif()
        string(REGEX MATCH "^[^/]+" first "${target}")
        set(included_folder "")
        if(target MATCHES "/" AND first IN_LIST nodes)
            set(included_folder ${first})
        elseif(NOT target MATCHES "/" AND delimiter STREQUAL "\"" AND target IN_LIST app_headers
               AND NOT EXISTS "${file_dir}/${target}")
            set(included_folder app)       # an app header, included by name from elsewhere
        elseif(target MATCHES "/" AND first IN_LIST layer_names)
            set(included_folder ${first})  # a layer without a folder: still a layer
        endif()

        if(top STREQUAL "models")
            if(included_folder STREQUAL "views" OR included_folder STREQUAL "app")
                list(APPEND errors "${where}: models/ must not include ${included_folder}/ headers")
            elseif(included_folder AND folder IN_LIST present_layers)
                if(NOT included_folder IN_LIST allowed_${folder})
                    if(folder IN_LIST allowed_${included_folder})
                        set(why "a higher layer")
                    else()
                        set(why "a sibling, not below it")
                    endif()
                    string(REPLACE ";" " " allowed_text "${allowed_${folder}}")
                    list(APPEND errors "${where}: layer ${folder} includes ${included_folder}, ${why} (allowed: ${allowed_text})")
                endif()
            elseif(included_folder AND folder STREQUAL "")
                list(APPEND errors "${where}: a file directly in models/ includes layer ${included_folder}")
            endif()
            # GUI headers: by module, by the Qt header list, by name.
            string(REGEX REPLACE "^([^/]+)/.*" "\\1" module "${target}")
            get_filename_component(base "${target}" NAME)
            string(TOLOWER "${base}" lower_base)
            if(module IN_LIST GUI_MODULES)
                list(APPEND errors "${where}: models/ must not use ${module} (GUI)")
            elseif(delimiter STREQUAL "<" AND (base IN_LIST gui_headers OR lower_base MATCHES "${gui_class_regex}"))
                list(APPEND errors "${where}: models/ must not use QtGui or QtWidgets")
            endif()
        endif()

        if(included_folder AND folder IN_LIST nodes AND NOT included_folder STREQUAL folder)
            list(APPEND edges_${folder} ${included_folder})
        endif()
    endwhile()
endforeach()

# --- the libraries each layer links (from CMake) ---------------------------
if(LAYER_LINKS)
    string(REPLACE "," ";" link_entries "${LAYER_LINKS}")
    foreach(entry IN LISTS link_entries)
        string(REGEX MATCH "^([^:]+):(.*)$" ignored "${entry}")
        set(layer "${CMAKE_MATCH_1}")
        string(REPLACE "|" ";" libraries "${CMAKE_MATCH_2}")
        foreach(library IN LISTS libraries)
            if(library IN_LIST GUI_LIBRARIES)
                list(APPEND errors "models/${layer}/CMakeLists.txt: pushdeck_${layer} links ${library} (GUI)")
            elseif(library MATCHES "^pushdeck_(.+)$" AND CMAKE_MATCH_1 IN_LIST layer_names
                   AND NOT CMAKE_MATCH_1 IN_LIST allowed_${layer})
                list(APPEND errors "models/${layer}/CMakeLists.txt: pushdeck_${layer} links ${library}, which is not below it")
            endif()
        endforeach()
    endforeach()
endif()

# --- cycles: peel off folders that include nothing left ------------------
foreach(node IN LISTS nodes)
    if(edges_${node})
        list(REMOVE_DUPLICATES edges_${node})
    endif()
endforeach()
set(remaining ${nodes})
set(progress TRUE)
while(progress)
    set(progress FALSE)
    foreach(node IN LISTS remaining)
        set(open ${edges_${node}})
        if(open)
            list(REMOVE_ITEM open ${node})
        endif()
        set(blocked FALSE)
        foreach(other IN LISTS open)
            if(other IN_LIST remaining)
                set(blocked TRUE)
            endif()
        endforeach()
        if(NOT blocked)
            list(REMOVE_ITEM remaining ${node})
            set(progress TRUE)
        endif()
    endforeach()
endwhile()
if(remaining)
    # Every folder left includes another one left: walking those includes
    # from any of them comes back to a folder already on the path.
    list(GET remaining 0 node)
    set(path)
    while(NOT node IN_LIST path)
        list(APPEND path ${node})
        foreach(other IN LISTS edges_${node})
            if(other IN_LIST remaining AND NOT other STREQUAL node)
                set(node ${other})
                break()
            endif()
        endforeach()
    endwhile()
    list(FIND path ${node} start)
    list(SUBLIST path ${start} -1 cycle)
    list(APPEND cycle ${node})
    string(REPLACE ";" " -> " cycle_text "${cycle}")
    string(REPLACE ";" " " remaining_text "${remaining}")
    list(APPEND errors "the folder graph from the includes has a cycle: ${cycle_text} (folders on or above cycles: ${remaining_text})")
endif()

# --- report ---------------------------------------------------------------
set(graph)
foreach(node IN LISTS nodes)
    set(targets)
    foreach(other IN LISTS nodes)           # in layer order
        if(other IN_LIST edges_${node})
            list(APPEND targets ${other})
        endif()
    endforeach()
    if(targets)
        string(REPLACE ";" " " targets "${targets}")
    else()
        set(targets "(nothing)")
    endif()
    list(APPEND graph "  ${node} -> ${targets}")
endforeach()
string(REPLACE ";" "\n" graph_text "${graph}")

if(errors)
    list(LENGTH errors error_count)
    string(REPLACE ";" "\n  " error_text "${errors}")
    message(FATAL_ERROR "layering: ${error_count} violation(s):\n  ${error_text}\n"
                        "folder graph from the includes:\n${graph_text}")
endif()
if(gui_header_count EQUAL 0)
    set(gui_note "built-in list of GUI headers")
else()
    set(gui_note "${gui_header_count} GUI headers from ${QT_INCLUDE_ROOT}")
endif()
message(STATUS "layering: ${file_count} files under models/, views/, app/ (${gui_note}); folder graph from the includes:\n${graph_text}")
